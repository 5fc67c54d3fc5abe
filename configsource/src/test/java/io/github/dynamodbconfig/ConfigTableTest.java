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

import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The table model for tools: it reads and converts exactly as the source does. */
@ExtendWith(LocalDynamoDbExtension.class)
class ConfigTableTest {

  private final LocalDynamoDb engine;

  ConfigTableTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  private Map<String, String> local(String... keyValues) {
    var settings =
        new HashMap<>(
            Map.of(
                DynamoDbConfigSetting.ENDPOINT.key(), engine.endpoint().toString(),
                DynamoDbConfigSetting.REGION.key(), LocalDynamoDb.REGION.id()));
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(DynamoDbConfigSetting.PREFIX + keyValues[i], keyValues[i + 1]);
    }
    return settings;
  }

  @Test
  void aRolesTable_readsAsTheSourceSeesIt_withItsInvalidItemsListed() {
    engine.createConfigTable("ops-tool-config");
    engine.put("ops-tool-config", "db_port", AttributeValue.fromN("5432"));
    engine.put("ops-tool-config", "db_password", s("hunter2"));
    engine.put(
        "ops-tool-config", "pool", AttributeValue.fromM(Map.of("min", AttributeValue.fromN("2"))));
    engine.put("ops-tool-config", "pool.min", AttributeValue.fromN("3"));
    var table = ConfigTable.fromSettings(local("role", "ops-tool", "secret-keys", "*password*"));

    List<Map<String, AttributeValue>> items;
    try (var client = table.newClient()) {
      items = table.readItems(client);
    }
    var contents = table.contents(items);

    assertThat(table.name()).isEqualTo("ops-tool-config");
    assertThat(table.role()).contains("ops-tool");
    assertThat(items).hasSize(4);
    assertThat(contents.properties())
        .containsExactlyEntriesOf(
            new TreeMap<>(Map.of("db_password", "hunter2", "db_port", "5432", "pool.min", "2")));
    assertThat(contents.secrets()).containsExactly("db_password");
    assertThat(contents.invalidItems())
        .containsExactly(
            "Invalid item 'pool.min' in table 'ops-tool-config': its property 'pool.min' is also"
                + " a property of item 'pool'");
    assertThat(contents.toString()).doesNotContain("hunter2");
    // The source, reading the same table with skip, serves the same properties.
    try (var source =
        Sources.create(
            LocalSettings.of(
                engine,
                "role",
                "ops-tool",
                "secret-keys",
                "*password*",
                "on-invalid-item",
                "skip"))) {
      assertThat(source.getProperties()).isEqualTo(contents.properties());
    }
  }

  @Test
  void toItem_usesTheSettingsAttributes_andFlagsSecretsByNameOrPattern() {
    var table =
        ConfigTable.fromSettings(
            local(
                "table", "any-config",
                "key-attribute", "Name",
                "value-attribute", "Setting",
                "secret-attribute", "Hidden",
                "secret-keys", "*token*"));

    assertThat(table.toItem("db_host", s("db"), false))
        .isEqualTo(Map.of("Name", s("db_host"), "Setting", s("db")));
    assertThat(table.toItem("api_token", s("t"), false))
        .containsEntry("Hidden", AttributeValue.fromBool(true));
    assertThat(table.toItem("plain", s("p"), true))
        .containsEntry("Hidden", AttributeValue.fromBool(true));
    assertThat(
            table
                .contents(
                    List.of(
                        table.toItem("bad name", s("x"), false), table.toItem("ok", s("y"), false)))
                .invalidItems())
        .singleElement()
        .asString()
        .startsWith("Invalid item 'bad name' in table 'any-config': its property name 'bad name'");
  }

  @Test
  void noTableOrRole_isAnError_namingBothSettings() {
    assertThatThrownBy(() -> ConfigTable.fromSettings(local()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessage(
            "DDBCFG-0104 No table given: set dynamodb.config.table or dynamodb.config.role");
  }

  @Test
  void anInvalidSetting_isAnError_namingIt() {
    assertThatThrownBy(() -> ConfigTable.fromSettings(local("table", "a b")))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageContaining("dynamodb.config.table");
  }

  @Test
  void failureOfAToolsRequest_isWordedAsTheSourceWordsItsOwn_namingItsIamAction() {
    ConfigTable table = ConfigTable.fromSettings(local("role", "ops-denied"));
    DynamoDbException denied =
        (DynamoDbException)
            DynamoDbException.builder()
                .statusCode(400)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage("not authorized")
                        .build())
                .build();

    try (DynamoDbClient client = table.newClient()) {
      assertThat(table.failure(client, "dynamodb:PutItem", denied).getMessage())
          .startsWith(
              "DDBCFG-0406 Access to DynamoDB table 'ops-denied-config' (role 'ops-denied') in region"
                  + " us-east-1 was denied: the credentials need the IAM action dynamodb:PutItem on"
                  + " arn:aws:dynamodb:us-east-1:<account>:table/ops-denied-config (");
      assertThat(
              table
                  .failure(client, "dynamodb:BatchWriteItem", SdkClientException.create("boom"))
                  .getMessage())
          .isEqualTo(
              "DDBCFG-0407 Cannot write to DynamoDB table 'ops-denied-config' (role 'ops-denied') in region"
                  + " us-east-1: boom");
      assertThat(
              table
                  .failure(client, "dynamodb:CreateTable", SdkClientException.create("boom"))
                  .getMessage())
          .startsWith("DDBCFG-0407 Cannot create DynamoDB table 'ops-denied-config'");
    }
  }

  @Test
  void emptyValues_andSecretKeys_asTheSourceReadsThem() {
    ConfigTable table = ConfigTable.fromSettings(local("role", "ops-rules"));

    assertThat(table.isEmpty("a", s(""))).isTrue();
    assertThat(table.isEmpty("a", AttributeValue.fromNul(true))).isTrue();
    assertThat(table.isEmpty("a", AttributeValue.fromL(List.of()))).isTrue();
    assertThat(table.isEmpty("a", s("x"))).isFalse();
    assertThat(table.isSecretKey("db_password")).isTrue();
    assertThat(table.isSecretKey("db_host")).isFalse();
    assertThat(ConfigTable.quoted("a\nb")).isEqualTo("'a\\u000ab'");
  }
}
