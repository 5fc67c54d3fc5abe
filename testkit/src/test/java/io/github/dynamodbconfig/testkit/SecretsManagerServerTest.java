/*
 * Copyright 2026 The DynamoDB Config Source Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.dynamodbconfig.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** The local Secrets Manager server, driven by the AWS SDK's own Secrets Manager client. */
class SecretsManagerServerTest {

  private final SecretsManagerServer server = SecretsManagerServer.start();
  private final SecretsManagerClient client = server.client(SecretsManagerClient.builder());

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  private GetSecretValueResponse get(String id, String stage) {
    return client.getSecretValue(r -> r.secretId(id).versionStage(stage));
  }

  @Test
  void aSecret_isReadByNameOrArn_andARotationMovesItsStagingLabels() {
    String arn = server.put("prod/db", "{\"username\":\"app\",\"password\":\"first\"}");

    GetSecretValueResponse byName = client.getSecretValue(r -> r.secretId("prod/db"));
    assertThat(byName.arn()).isEqualTo(arn).startsWith("arn:aws:secretsmanager:us-east-1:");
    assertThat(byName.name()).isEqualTo("prod/db");
    assertThat(byName.secretString()).contains("\"password\":\"first\"");
    assertThat(byName.versionStages()).containsExactly("AWSCURRENT");
    assertThat(client.getSecretValue(r -> r.secretId(arn)).versionId())
        .isEqualTo(byName.versionId());

    server.createSecret("prod/db", "second");
    assertThat(get("prod/db", "AWSCURRENT").versionId()).isEqualTo(byName.versionId());
    assertThat(get("prod/db", "AWSPENDING").secretString()).isEqualTo("second");
    server.finishSecret("prod/db");
    assertThat(get("prod/db", "AWSCURRENT").secretString()).isEqualTo("second");
    assertThat(get("prod/db", "AWSPREVIOUS").versionId()).isEqualTo(byName.versionId());
    assertThatThrownBy(() -> get("prod/db", "AWSPENDING"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aBatch_answersEachSecret_itsFailuresInErrors_atMostTwentyIds() {
    server.put("one", "value-one");
    server.put("two", "value-two");
    server.deny("two");

    BatchGetSecretValueResponse batch =
        client.batchGetSecretValue(r -> r.secretIdList("one", "two", "missing"));
    assertThat(batch.secretValues())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.name()).isEqualTo("one");
              assertThat(v.secretString()).isEqualTo("value-one");
            });
    assertThat(batch.errors())
        .extracting(e -> e.secretId() + " " + e.errorCode())
        .containsExactly("two AccessDeniedException", "missing ResourceNotFoundException");
    assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId("two")))
        .isInstanceOfSatisfying(
            SecretsManagerException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"))
        .hasMessageContaining("secretsmanager:GetSecretValue");

    List<String> tooMany = IntStream.range(0, 21).mapToObj(i -> "s" + i).toList();
    assertThatThrownBy(() -> client.batchGetSecretValue(r -> r.secretIdList(tooMany)))
        .isInstanceOf(SecretsManagerException.class)
        .hasMessageContaining("1 to 20 ids");
    assertThat(server.count("BatchGetSecretValue")).isEqualTo(2);
  }

  @Test
  void throttlingAndServerErrors_areRetriedByTheSdk() {
    server.put("one", "value-one");
    server.throttleNext(1);
    assertThat(client.getSecretValue(r -> r.secretId("one")).secretString()).isEqualTo("value-one");
    server.failNext(1);
    assertThat(client.getSecretValue(r -> r.secretId("one")).secretString()).isEqualTo("value-one");
    assertThat(server.count("GetSecretValue")).isEqualTo(4);
  }
}
