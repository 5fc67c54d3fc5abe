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

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.RequestCounter;
import io.github.dynamodbconfig.testkit.SecretValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalDynamoDbExtension.class)
class ImportCommandTest {

  /** The quickstart's file, written for aws dynamodb batch-write-item. */
  static final Path EXAMPLE_ITEMS =
      Path.of("../samples/quickstart/src/main/resources/example-items.json");

  private final LocalDynamoDb engine;
  private final CliRun cli;
  @TempDir Path dir;

  ImportCommandTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  /** The table's settings by key, without its change stamp item. */
  private Map<String, Map<String, AttributeValue>> items(String table) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    engine.client().scan(r -> r.tableName(table)).items().stream()
        .filter(i -> !ConfigTable.isReservedKey(i.get("Parameter").s()))
        .forEach(i -> items.put(i.get("Parameter").s(), i));
    return items;
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void quickstartsBatchWriteFile_importsAsItIs_andTheSecondImportWritesNothing() {
    engine.createConfigTable("import-a-config");

    CliRun.Result first = cli.run("import", "--role", "import-a", EXAMPLE_ITEMS.toString());

    assertThat(first.code()).isZero();
    assertThat(first.out())
        .isEqualTo(
            String.join(
                "\n",
                "+ db_host = my.test.server",
                "+ db_name = my_db",
                "+ db_pass = ***",
                "+ db_port = 5432",
                "+ db_user = my_username",
                "+ debug = true",
                "0 unchanged",
                "Wrote 6 changes to table 'import-a-config'",
                ""));
    Map<String, Map<String, AttributeValue>> items = items("import-a-config");
    assertThat(items).hasSize(6);
    assertThat(items.get("db_pass"))
        .containsEntry("Value", s(ExampleTable.DB_PASS))
        .containsEntry("Secret", AttributeValue.fromBool(true));
    assertThat(items.get("debug")).containsEntry("Value", AttributeValue.fromBool(true));

    RequestCounter.reset();
    CliRun.Result second = cli.run("import", "--role", "import-a", EXAMPLE_ITEMS.toString());
    assertThat(second.code()).isZero();
    assertThat(second.out())
        .isEqualTo("6 unchanged\nNothing to change in table 'import-a-config'\n");
    assertThat(RequestCounter.count("BatchWriteItem", "import-a-config")).isZero();
  }

  @Test
  void propertiesFile_plan_dryRun_thenChangesAndPrune() throws IOException {
    engine.createConfigTable("import-b-config");
    engine.put("import-b-config", "db_port", s("5432"));
    engine.put("import-b-config", "old.flag", s("on"));
    engine.put("import-b-config", "api_token", s("tok-9a8b7c6d5e"));
    Path file =
        file(
            "prod.properties",
            "# the production settings\ndb_port = 5433\ndb_host=db.prod.internal\n"
                + "api_token=tok-1f2e3d4c5b\ngreeting=Hello \\\n  world\n");

    CliRun.Result plan =
        cli.run("import", "--role", "import-b", file.toString(), "--dry-run", "--prune");

    assertThat(plan.code()).isEqualTo(1);
    assertThat(plan.out())
        .isEqualTo(
            String.join(
                "\n",
                "~ api_token = *** (was ***), now marked secret",
                "+ db_host = db.prod.internal",
                "~ db_port = 5433 (was 5432)",
                "+ greeting = Hello world",
                "- old.flag",
                "0 unchanged",
                ""));
    assertThat(items("import-b-config")).hasSize(3).containsKey("old.flag");

    CliRun.Result applied = cli.run("import", "--role", "import-b", file.toString(), "--prune");
    assertThat(applied.code()).isZero();
    assertThat(applied.out()).endsWith("Wrote 5 changes to table 'import-b-config'\n");
    assertThat(items("import-b-config"))
        .containsOnlyKeys("api_token", "db_host", "db_port", "greeting");
    assertThat(items("import-b-config").get("greeting")).containsEntry("Value", s("Hello world"));

    CliRun.Result nothing =
        cli.run("import", "--role", "import-b", file.toString(), "--dry-run", "--prune");
    assertThat(nothing.code()).isZero();
    assertThat(nothing.out()).startsWith("4 unchanged\n");
  }

  @Test
  void jsonFile_typesValues_marksSecrets_keepsTheSecretFlagAndOtherAttributes() throws IOException {
    engine.createConfigTable("import-c-config");
    engine.putItems(
        "import-c-config",
        List.of(
            Map.of(
                "Parameter", s("db_user"),
                "Value", s("old-user"),
                "Secret", AttributeValue.fromBool(true),
                "Owner", s("team-a"))));
    Path file =
        file(
            "settings.json",
            "{\"db_port\": 5432, \"debug\": false, \"hosts\": [\"a\", \"b\"],"
                + " \"pool\": {\"min\": 2, \"max\": 10}, \"db_user\": \"app-user-7c41\","
                + " \"license\": \"lic-55e1-9f0a\"}");

    SecretValues.register("license", "lic-55e1-9f0a");
    SecretValues.register("db_user", "app-user-7c41");

    CliRun.Result result =
        cli.run("import", "--role", "import-c", file.toString(), "--secret", "license");

    assertThat(result.code()).as(result.all()).isZero();
    assertThat(result.out())
        .contains(
            "+ db_port = 5432\n",
            "+ debug = false\n",
            "+ hosts = {\"L\":[{\"S\":\"a\"},{\"S\":\"b\"}]}\n",
            "~ db_user = *** (was ***)\n",
            "+ license = ***\n");
    Map<String, Map<String, AttributeValue>> items = items("import-c-config");
    assertThat(items.get("db_port")).containsEntry("Value", AttributeValue.fromN("5432"));
    assertThat(items.get("pool").get("Value").m()).containsEntry("max", AttributeValue.fromN("10"));
    assertThat(items.get("license")).containsEntry("Secret", AttributeValue.fromBool(true));
    assertThat(items.get("db_user"))
        .containsEntry("Secret", AttributeValue.fromBool(true))
        .containsEntry("Owner", s("team-a"))
        .containsEntry("Value", s("app-user-7c41"));
  }

  @Test
  void aCommentEndingInABackslash_doesNotSwallowTheNextLine_andNumbersCompareAsNumbers()
      throws IOException {
    engine.createConfigTable("import-d-config");
    Path file = file("d.json", "{\"ratio\": 1.50, \"retries\": 3}");
    assertThat(cli.run("import", "--role", "import-d", file.toString()).code()).isZero();

    CliRun.Result again = cli.run("import", "--role", "import-d", file.toString());
    assertThat(again.out()).startsWith("2 unchanged\n");

    Path properties = file("d.properties", "# a note \\\ndb_host=db.internal\n");
    CliRun.Result result =
        cli.run("import", "--role", "import-d", properties.toString(), "--dry-run");
    assertThat(result.out()).startsWith("+ db_host = db.internal\n");
  }

  @Test
  void planAsJson_forScripts() throws IOException {
    engine.createConfigTable("import-e-config");
    engine.put("import-e-config", "db_port", s("5432"));
    Path file = file("e.properties", "db_port=5433\ndb_password=pw-json-plan-31\n");
    SecretValues.register("db_password", "pw-json-plan-31");

    CliRun.Result plan =
        cli.run("import", "--role", "import-e", file.toString(), "--dry-run", "--output", "json");

    assertThat(plan.code()).isEqualTo(1);
    assertThat(plan.out())
        .contains(
            "\"table\" : \"import-e-config\"",
            "\"dryRun\" : true",
            "\"key\" : \"db_password\"",
            "\"change\" : \"add\"",
            "\"value\" : \"***\"",
            "\"change\" : \"change\"",
            "\"value\" : \"5433\"",
            "\"was\" : \"5432\"",
            "\"unchanged\" : 0",
            "\"written\" : 0");
  }

  @Test
  void moreThanAThousandItems_showProgressOnStandardError_asPlainLines() throws IOException {
    engine.createConfigTable("import-f-config");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1_200; i++) {
      text.append(String.format("setting.%04d=value %d%n", i, i));
    }
    Path file = file("f.properties", text.toString());

    CliRun.Result imported = cli.run("import", "--role", "import-f", file.toString());
    CliRun.Result exported = cli.run("export", "--role", "import-f");

    assertThat(imported.code()).isZero();
    assertThat(imported.err().lines().filter(line -> line.startsWith("Writing "))).hasSize(10);
    assertThat(imported.err()).endsWith("Writing 1200 of 1200 items\n");
    assertThat(exported.out().lines()).hasSize(1_200);
    assertThat(exported.err()).endsWith("Exporting 1200 of 1200 items\n");
  }
}
