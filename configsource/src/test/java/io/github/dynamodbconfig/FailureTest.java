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
package io.github.dynamodbconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.SystemProperties;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;

/**
 * Failures the environment causes, each with its own actionable message, and each an empty source
 * with one WARN line under {@code required=false}.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class FailureTest {

  private final LocalDynamoDb engine;

  FailureTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void exampleTable() {
    ExampleTable.create(engine);
  }

  private static void failsThenWarns(
      Runnable underTest, Runnable notRequired, String expectedStart) {
    assertThatThrownBy(underTest::run)
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(expectedStart);
    List<String> warnings;
    try (LogCapture log = LogCapture.start()) {
      notRequired.run();
      warnings = log.messages(Level.WARNING);
    }
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("DDBCFG-0307 " + expectedStart)
        .endsWith("is empty because dynamodb.config.required=false");
  }

  @Test
  void noCredentials_saysWhereTheSdkLooked() {
    try (SystemProperties properties =
        new SystemProperties()
            .set("aws.accessKeyId", "")
            .set("aws.secretAccessKey", "")
            .set("aws.sharedCredentialsFile", "/nonexistent/credentials")
            .set("aws.configFile", "/nonexistent/config")) {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
      failsThenWarns(
          () -> Sources.create(LocalSettings.of(engine, "table", ExampleTable.NAME)),
          () ->
              assertThat(
                      Sources.create(
                              LocalSettings.of(
                                  engine, "table", ExampleTable.NAME, "required", "false"))
                          .getProperties())
                  .isEmpty(),
          "DDBCFG-0403 No AWS credentials to read DynamoDB table 'test-myapp-website-config' in region"
              + " us-east-1: the AWS SDK's default chain found none (system properties"
              + " aws.accessKeyId and aws.secretAccessKey, environment variables"
              + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, web identity token, the AWS"
              + " profile files, a container or EC2 instance role)");
    }
  }

  @Test
  void unknownRegion_saysTheRegionIsUnknownToTheSdk() {
    Settings settings =
        SettingsParser.read(
            Map.of(
                    "dynamodb.config.table",
                    ExampleTable.NAME,
                    "dynamodb.config.region",
                    "eu-nowhere-1")
                ::get);
    Settings notRequired =
        SettingsParser.read(
            Map.of(
                    "dynamodb.config.table", ExampleTable.NAME,
                    "dynamodb.config.region", "eu-nowhere-1",
                    "dynamodb.config.required", "false")
                ::get);

    failsThenWarns(
        () -> Sources.create(settings),
        () -> assertThat(Sources.create(notRequired).getProperties()).isEmpty(),
        "DDBCFG-0404 Cannot reach DynamoDB for table 'test-myapp-website-config' in region eu-nowhere-1:"
            + " unknown host dynamodb.eu-nowhere-1.amazonaws.com; 'eu-nowhere-1' is not a region"
            + " this AWS SDK knows: check dynamodb.config.region");
  }

  @Test
  void invalidRegion_isABadSetting() {
    assertThatThrownBy(
            () -> LocalSettings.of(engine, "table", ExampleTable.NAME, "region", "EU West 1"))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessage(
            "DDBCFG-0101 Invalid setting dynamodb.config.region='EU West 1': expected an AWS region name such"
                + " as eu-west-1 (lower-case letters, digits and -)");
  }

  @Test
  void unreachableEndpoint_isRetried_thenNamed() throws Exception {
    int port;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + port;
    failsThenWarns(
        () ->
            Sources.create(
                LocalSettings.of(engine, "table", ExampleTable.NAME, "endpoint", endpoint)),
        () ->
            Sources.create(
                LocalSettings.of(
                    engine, "table", ExampleTable.NAME, "endpoint", endpoint, "required", "false")),
        "DDBCFG-0404 Cannot reach DynamoDB for table 'test-myapp-website-config' in region us-east-1: "
            + endpoint
            + " refused the connection");
  }

  @Test
  void accessDeniedAdvice_namesTheTableArnInItsRegionsPartition() {
    assertThat(LoadFailures.partition(Region.EU_WEST_1)).isEqualTo("aws");
    assertThat(LoadFailures.partition(Region.CN_NORTH_1)).isEqualTo("aws-cn");
    assertThat(LoadFailures.partition(Region.US_GOV_WEST_1)).isEqualTo("aws-us-gov");
    assertThat(LoadFailures.partition(Region.of("eu-nowhere-1"))).isEqualTo("aws");
  }
}
