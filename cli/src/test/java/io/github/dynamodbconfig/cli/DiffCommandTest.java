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

import static io.github.dynamodbconfig.testkit.Items.n;
import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDynamoDbExtension.class)
class DiffCommandTest {

  private final LocalDynamoDb engine;
  private final CliRun cli;

  DiffCommandTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  @BeforeEach
  void tables() {
    engine.createConfigTable("test-diff-config");
    engine.createConfigTable("prod-diff-config");
    engine.put("test-diff-config", "db_host", s("db.test"));
    engine.put("prod-diff-config", "db_host", s("db.prod"));
    engine.put("test-diff-config", "db_port", n("5432"));
    engine.put("prod-diff-config", "db_port", n("5432"));
    engine.put("test-diff-config", "db_password", s("test-pw-31ab"));
    engine.put("prod-diff-config", "db_password", s("prod-pw-77cd"));
    engine.put("test-diff-config", "feature.checkout", s("on"));
    engine.put("prod-diff-config", "legacy.mode", s("on"));
  }

  @Test
  void diff_listsKeysOnlyInEach_andDifferentValues_withoutEverShowingASecret() {
    CliRun.Result result = cli.run("diff", "test-diff", "table:prod-diff-config");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(
            String.join(
                "\n",
                "Only in test-diff-config (1):",
                "  feature.checkout",
                "Only in prod-diff-config (1):",
                "  legacy.mode",
                "Different (2):",
                "  db_host: db.test | db.prod",
                "  db_password: secret values differ",
                ""));
  }

  @Test
  void ignoredKeys_leaveTheTablesTheSame_andJsonSaysSo() {
    engine.put("prod-diff-config", "db_host", s("db.test"));
    engine.put("prod-diff-config", "db_password", s("test-pw-31ab"));

    CliRun.Result result =
        cli.run(
            "diff",
            "test-diff",
            "prod-diff",
            "--ignore",
            "feature.*",
            "--ignore",
            "legacy.*",
            "--output",
            "json");

    assertThat(result.code()).as(result.all()).isZero();
    assertThat(result.out())
        .contains("\"onlyInA\" : [ ]", "\"different\" : [ ]", "\"same\" : true");
  }
}
