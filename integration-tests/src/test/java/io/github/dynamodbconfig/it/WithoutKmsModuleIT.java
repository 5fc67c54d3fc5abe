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
package io.github.dynamodbconfig.it;

import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SystemProperties;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code software.amazon.awssdk:kms} and {@code secretsmanager} modules are optional and absent
 * from this module's class path, as in an application that has no sealed values and references no
 * secret: tables load as before, and a table that needs one fails with a message naming the
 * artifact to add.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class WithoutKmsModuleIT {

  private final LocalDynamoDb engine;

  WithoutKmsModuleIT(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void exampleTable() {
    ExampleTable.create(engine);
  }

  private SystemProperties settings() {
    return new SystemProperties()
        .set("dynamodb.config.endpoint", engine.endpoint().toString())
        .set("dynamodb.config.region", LocalDynamoDb.REGION.id())
        .set("dynamodb.config.table", ExampleTable.NAME);
  }

  @Test
  void theKmsModuleIsReallyAbsent_andAPlainTableLoads() {
    assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.services.kms.KmsClient"))
        .isInstanceOf(ClassNotFoundException.class);
    try (SystemProperties properties = settings()) {
      var config = new SmallRyeConfigBuilder().addDiscoveredSources().build();
      assertThat(config.getValue("db_port", int.class)).isEqualTo(5432);
    }
  }

  @Test
  void aTableWithSealedValues_namesTheModuleToAdd() {
    engine.putItems(ExampleTable.NAME, List.of(keyring(), sealedItem("api_token")));
    try (SystemProperties properties = settings()) {
      assertThatThrownBy(() -> new SmallRyeConfigBuilder().addDiscoveredSources().build())
          .rootCause()
          .hasMessage(
              "DDBCFG-0356 DynamoDB table '"
                  + ExampleTable.NAME
                  + "' holds sealed values, which need the AWS SDK module"
                  + " software.amazon.awssdk:kms on the class path, of the same version as"
                  + " software.amazon.awssdk:dynamodb");
    }
  }

  @Test
  void aTableWithSecretsManagerReferences_namesTheModuleToAdd() {
    assertThatThrownBy(
            () ->
                Class.forName(
                    "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient"))
        .isInstanceOf(ClassNotFoundException.class);
    engine.putItems(
        ExampleTable.NAME,
        List.of(Map.of("Parameter", s("db_secret"), "SecretsManager", s("prod/myapp/db"))));
    try (SystemProperties properties = settings()) {
      assertThatThrownBy(() -> new SmallRyeConfigBuilder().addDiscoveredSources().build())
          .rootCause()
          .hasMessage(
              "DDBCFG-0373 DynamoDB table '"
                  + ExampleTable.NAME
                  + "' references Secrets Manager secrets, which need the AWS SDK module"
                  + " software.amazon.awssdk:secretsmanager on the class path, of the same"
                  + " version as software.amazon.awssdk:dynamodb");
    }
  }

  /** A keyring item as the tool writes it; its wrapped key is never opened here. */
  private static Map<String, AttributeValue> keyring() {
    Map<String, AttributeValue> key =
        Map.of(
            "Wrapped", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[64])),
            "KeyArn",
                s("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
            "Context",
                AttributeValue.fromM(
                    Map.of(
                        "dynamodb-config:table", s(ExampleTable.NAME),
                        "dynamodb-config:keyring", s("table-id-1"))),
            "Created", AttributeValue.fromN("1796601600000"));
    return Map.of(
        "Parameter", s("dynamodb.config.keyring"),
        "TableId", s("table-id-1"),
        "Active", s("k1"),
        "Keys", AttributeValue.fromM(Map.of("k1", AttributeValue.fromM(key))));
  }

  /** An item sealed with data key k1 (format 1: DCS1, the key id, a nonce, ciphertext and tag). */
  private static Map<String, AttributeValue> sealedItem(String key) {
    byte[] sealed =
        ByteBuffer.allocate(4 + 1 + 2 + 12 + 16)
            .put("DCS1".getBytes(StandardCharsets.US_ASCII))
            .put((byte) 2)
            .put("k1".getBytes(StandardCharsets.US_ASCII))
            .array();
    return Map.of(
        "Parameter", s(key),
        "Sealed", AttributeValue.fromB(SdkBytes.fromByteArray(sealed)),
        "Version", AttributeValue.fromN("1"),
        "Secret", AttributeValue.fromBool(true));
  }
}
