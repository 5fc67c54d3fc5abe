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
package io.github.dynamodbconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

@ExtendWith(LocalDynamoDbExtension.class)
class InitCommandTest {

  private final LocalDynamoDb engine;
  private final CliRun cli;

  InitCommandTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  private TableDescription describe(String table) {
    return engine.client().describeTable(r -> r.tableName(table)).table();
  }

  @Test
  void init_createsAnActiveOnDemandTable_keyedByTheKeyAttribute_andASecondInitDoesNothing() {
    CliRun.Result created = cli.run("init", "--role", "init-a");

    assertThat(created.code()).isZero();
    assertThat(created.out())
        .isEqualTo(
            "Created table 'init-a-config' with key HASH Parameter (S), on-demand billing: it is"
                + " ACTIVE\n");
    TableDescription table = describe("init-a-config");
    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(table.keySchema())
        .singleElement()
        .satisfies(k -> assertThat(k.attributeName()).isEqualTo("Parameter"));
    assertThat(table.attributeDefinitions().get(0).attributeTypeAsString()).isEqualTo("S");
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);

    CliRun.Result again = cli.run("init", "--role", "init-a");
    assertThat(again.code()).isZero();
    assertThat(again.out())
        .isEqualTo(
            "Table 'init-a-config' already exists with key HASH Parameter (S): nothing to do\n");
  }

  @Test
  void init_provisioned_andWithAnotherKeyAttribute_andAsJson() {
    CliRun.Result created =
        cli.run(
            "init",
            "--table",
            "init-b",
            "--provisioned",
            "5,3",
            "--key-attribute",
            "name",
            "--output",
            "json");

    assertThat(created.code()).isZero();
    assertThat(created.out())
        .contains("\"table\" : \"init-b\"", "\"created\" : true", "\"key\" : \"HASH name (S)\"");
    TableDescription table = describe("init-b");
    assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
    assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
    assertThat(table.keySchema().get(0).attributeName()).isEqualTo("name");
  }
}
