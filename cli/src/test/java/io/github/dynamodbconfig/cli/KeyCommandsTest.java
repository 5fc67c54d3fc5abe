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

import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SecretValues;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code get}, {@code set} and {@code unset}. */
@ExtendWith(LocalDynamoDbExtension.class)
class KeyCommandsTest {

  private final LocalDynamoDb engine;
  private final CliRun cli;

  KeyCommandsTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  private Map<String, AttributeValue> item(String table, String key) {
    return engine.client().getItem(r -> r.tableName(table).key(Map.of("Parameter", s(key)))).item();
  }

  @Test
  void get_printsWhatTheApplicationReads_aSecretOnlyWhenRevealed() {
    engine.createConfigTable("keys-a-config");
    engine.putItems("keys-a-config", ExampleTable.items());

    assertThat(cli.run("get", "--role", "keys-a", "db_host").out()).isEqualTo("my.test.server\n");
    assertThat(cli.run("get", "--role", "keys-a", "db_pass").out()).isEqualTo("***\n");
    assertThat(cli.run("get", "--role", "keys-a", "db_pass", "--reveal-secret").out())
        .isEqualTo(ExampleTable.DB_PASS + "\n");
    CliRun.Result missing = cli.run("get", "--role", "keys-a", "nothing.here");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Key 'nothing.here' is not set in table 'keys-a-config'\n");
  }

  @Test
  void set_writesTypedValues_printsTheChange_andUnsetRemoves() {
    engine.createConfigTable("keys-b-config");

    CliRun.Result port = cli.run("set", "--role", "keys-b", "db_port", "5432", "--type", "N");
    assertThat(port.out()).isEqualTo("+ db_port = 5432\n");
    assertThat(item("keys-b-config", "db_port"))
        .containsEntry("Value", AttributeValue.fromN("5432"));

    CliRun.Result changed = cli.run("set", "--role", "keys-b", "db_port", "5433", "--type", "N");
    assertThat(changed.out()).isEqualTo("~ db_port = 5433 (was 5432)\n");

    CliRun.Result pool =
        cli.run("set", "--role", "keys-b", "pool", "{\"min\": 2, \"max\": 10}", "--type", "M");
    assertThat(pool.code()).isZero();
    assertThat(cli.run("get", "--role", "keys-b", "pool").out())
        .isEqualTo("pool.max=10\npool.min=2\n");

    CliRun.Result zones =
        cli.run("set", "--role", "keys-b", "zones", "[\"eu-1\", \"eu-2\"]", "--type", "SS");
    assertThat(zones.code()).isZero();
    assertThat(item("keys-b-config", "zones").get("Value").ss())
        .containsExactlyInAnyOrder("eu-1", "eu-2");

    SecretValues.register("license", "lic-8e2f-44aa");
    CliRun.Result secret =
        cli.runWithInput("lic-8e2f-44aa\n", "set", "--role", "keys-b", "license", "-", "--secret");
    assertThat(secret.out()).isEqualTo("+ license = ***\n");
    assertThat(item("keys-b-config", "license"))
        .containsEntry("Secret", AttributeValue.fromBool(true))
        .containsEntry("Value", s("lic-8e2f-44aa"));

    CliRun.Result unset = cli.run("unset", "--role", "keys-b", "pool", "not.set");
    assertThat(unset.code()).isZero();
    assertThat(unset.out()).isEqualTo("- pool\n'not.set' was not set in table 'keys-b-config'\n");
    assertThat(item("keys-b-config", "pool")).isEmpty();
  }
}
