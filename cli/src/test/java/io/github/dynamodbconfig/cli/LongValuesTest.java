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

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans and diffs show a long value by its beginning and its length, on one short line, unless
 * {@code --full-values} is given; what scripts read ({@code get}, {@code export}, JSON) stays
 * whole.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class LongValuesTest {

  /** 1,000 characters: 'a' to 'z' over and over. */
  static final String LONG = "abcdefghijklmnopqrstuvwxyz".repeat(39).substring(0, 1_000);

  /** The first 80 characters of {@link #LONG}, as a plan shows them. */
  static final String SHOWN = LONG.substring(0, 80) + "… (1,000 characters)";

  private final LocalDynamoDb engine;
  private final CliRun cli;
  @TempDir Path dir;

  LongValuesTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  @Test
  void thePlan_showsTheBeginningAndTheLength_andFullValuesShowsAll() throws IOException {
    engine.createConfigTable("long-a-config");
    Path file =
        Files.writeString(
            dir.resolve("long.properties"), "long=" + LONG + "\nedge=" + "e".repeat(80) + "\n");

    CliRun.Result plan = cli.run("import", "--role", "long-a", file.toString(), "--dry-run");
    CliRun.Result full =
        cli.run("import", "--role", "long-a", file.toString(), "--dry-run", "--full-values");
    CliRun.Result json =
        cli.run("import", "--role", "long-a", file.toString(), "--dry-run", "--output", "json");

    assertThat(plan.out())
        .isEqualTo("+ edge = " + "e".repeat(80) + "\n+ long = " + SHOWN + "\n0 unchanged\n");
    assertThat(full.out()).contains("+ long = " + LONG + "\n");
    assertThat(json.out()).contains("\"value\" : \"" + LONG + "\"");
  }

  @Test
  void set_showsTheChangeShortened_andGetAndExportPrintTheWholeValue() {
    engine.createConfigTable("long-b-config");
    engine.put("long-b-config", "long", s("x".repeat(81)));

    CliRun.Result set = cli.run("set", "--role", "long-b", "long", LONG);

    assertThat(set.out())
        .isEqualTo("~ long = " + SHOWN + " (was " + "x".repeat(80) + "… (81 characters))\n");
    assertThat(cli.run("get", "--role", "long-b", "long").out()).isEqualTo(LONG + "\n");
    assertThat(cli.run("export", "--role", "long-b").out()).isEqualTo("long=" + LONG + "\n");
  }

  @Test
  void diff_showsBothValuesShortened_countedInCharactersNotCodeUnits() {
    engine.createConfigTable("long-c-config");
    engine.createConfigTable("long-d-config");
    String emoji = "😀".repeat(100); // 100 characters, 200 UTF-16 code units
    engine.put("long-c-config", "long", s(LONG));
    engine.put("long-d-config", "long", s(emoji));

    CliRun.Result diff = cli.run("diff", "long-c", "long-d");
    CliRun.Result full = cli.run("diff", "long-c", "long-d", "--full-values");

    assertThat(diff.out())
        .contains("  long: " + SHOWN + " | " + "😀".repeat(80) + "… (100 characters)\n");
    assertThat(full.out()).contains("  long: " + LONG + " | " + emoji + "\n");
  }
}
