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

import static io.github.dynamodbconfig.testkit.Items.l;
import static io.github.dynamodbconfig.testkit.Items.m;
import static io.github.dynamodbconfig.testkit.Items.n;
import static io.github.dynamodbconfig.testkit.Items.s;
import static io.github.dynamodbconfig.testkit.Items.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalDynamoDbExtension.class)
class ExportCommandTest {

  private final LocalDynamoDb engine;
  private final CliRun cli;
  @TempDir Path dir;

  ExportCommandTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  private void typedTable(String table) {
    engine.createConfigTable(table);
    engine.put(table, "db_port", n("5432"));
    engine.put(table, "hosts", l(s("a,b"), s("c")));
    engine.put(table, "pool", m(Map.of("min", n("2"), "max", n("10"))));
    engine.put(table, "zones", ss("eu-1", "eu-2"));
    engine.put(table, "greeting", s("Hello = world: #1"));
    engine.put(table, "db_pass", s(ExampleTable.DB_PASS));
  }

  @Test
  void properties_areTheValuesAnApplicationReads_secretsMasked() {
    typedTable("export-a-config");

    CliRun.Result result = cli.run("export", "--role", "export-a");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .isEqualTo(
            String.join(
                "\n",
                "db_pass=***",
                "db_port=5432",
                "greeting=Hello \\= world\\: \\#1",
                "hosts=a\\\\,b,c",
                "pool.max=10",
                "pool.min=2",
                "zones=eu-1,eu-2",
                ""));
  }

  @Test
  void json_keepsTheTypes_andRevealsSecretsOnlyWhenAsked() {
    typedTable("export-b-config");

    CliRun.Result masked = cli.run("export", "--role", "export-b", "--format", "json");
    CliRun.Result revealed =
        cli.run("export", "--role", "export-b", "--format", "json", "--reveal-secrets");

    assertThat(masked.code()).isZero();
    assertThat(masked.out())
        .contains(
            "\"db_pass\" : \"***\"",
            "\"db_port\" : 5432",
            "\"max\" : 10",
            "\"zones\" : [ \"eu-1\", \"eu-2\" ]");
    assertThat(revealed.out()).contains("\"db_pass\" : \"" + ExampleTable.DB_PASS + "\"");
  }

  @Test
  void batchWrite_needsRevealSecrets_thenImportsIntoAnotherTable_andDiffFindsThemIdentical()
      throws IOException {
    typedTable("export-c-config");
    engine.createConfigTable("export-copy-config");

    CliRun.Result refused = cli.run("export", "--role", "export-c", "--format", "batch-write");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .isEqualTo(
            "dynamodb-config: DDBCFG-1504 Table 'export-c-config' holds 1 secret, and a batch-write file must"
                + " hold their values to be loaded: give --reveal-secrets, and keep the file where"
                + " secrets may be\n");
    assertThat(refused.out()).isEmpty();

    CliRun.Result exported =
        cli.run(
            "export",
            "--role",
            "export-c",
            "--format",
            "batch-write",
            "--reveal-secrets",
            "--target-table",
            "export-copy-config");
    assertThat(exported.code()).isZero();
    assertThat(exported.out()).startsWith("{\n  \"export-copy-config\" : [ {");
    Path file = Files.writeString(dir.resolve("copy.json"), exported.out());

    CliRun.Result imported = cli.run("import", "--role", "export-copy", file.toString());
    assertThat(imported.code()).as(imported.all()).isZero();
    assertThat(imported.out()).endsWith("Wrote 6 changes to table 'export-copy-config'\n");

    CliRun.Result diff = cli.run("diff", "export-c", "export-copy");
    assertThat(diff.code()).as(diff.all()).isZero();
    assertThat(diff.out()).endsWith("The tables are the same\n");
  }

  @Test
  void anInvalidItem_isLeftOut_withAWarningThatShowsItsId() {
    engine.createConfigTable("export-d-config");
    engine.put("export-d-config", "db_host", s("db.internal"));
    engine.put("export-d-config", "db host", s("x"));

    CliRun.Result result = cli.run("export", "--role", "export-d");

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("db_host=db.internal\n");
    assertThat(result.err())
        .startsWith("dynamodb-config: DDBCFG-1501 left out: ")
        .contains("'db host'")
        .endsWith("\n")
        .hasLineCount(1);
  }
}
