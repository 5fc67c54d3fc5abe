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

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.cli.ImportChecks.Problem;
import io.github.dynamodbconfig.cli.ImportFile.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code set}: writes one key, checked by the library's rules, and prints the change. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Set one key, checked as an import would be, and print the change.",
      "%nVALUE is of DynamoDB type --type (default S); L, M, SS and NS are given as JSON text. Give - to read VALUE from standard input, which keeps a secret out of the process list. Secrets are printed as ***."
    })
final class SetCommand implements Callable<Integer> {

  @Mixin SingleTable target;
  @Mixin OutputOptions output;
  @Mixin ValueOptions values;

  @Parameters(index = "0", paramLabel = "KEY")
  String key;

  @Parameters(
      index = "1",
      paramLabel = "VALUE",
      description =
          "The value; - reads it from standard input, so that a secret stays out of the process list")
  String value;

  @ParentCommand DynamoDbConfigCli tool;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "S",
      description = "S (default), N, BOOL, SS, NS, L or M")
  ValueText.Type type;

  @Option(names = "--secret", description = "Mark the key secret")
  boolean secret;

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    Entry entry = new Entry(key, ValueText.read(value(), type), false, 1);
    try (TableSession session = TableSession.open(table)) {
      ImportPlan plan =
          ImportChecks.checkedPlan(
              table,
              session.items(),
              List.of(entry),
              secret ? Set.of(key) : Set.of(),
              false,
              problems ->
                  new CliException(KeyMessages.CANNOT_SET, ConfigTable.quoted(key), table.name())
                      .withDetails(problems.stream().map(Problem::text).toList()));
      session.seals().checkWritable(plan.changes().stream().map(ImportPlan.Change::item).toList());
      session.change(
          plan.changes().size(),
          () -> {
            plan.changes().forEach(change -> session.put(change.item()));
            return TableSession.Written.all(plan.changes().size());
          });
      output.print(new Report.Changes(table.name(), plan), values.full);
      return 0;
    }
  }

  /** VALUE, or standard input without its last line break when VALUE is {@code -}. */
  private String value() {
    if (!value.equals("-")) {
      return value;
    }
    try {
      String text = new String(tool.in().readAllBytes(), StandardCharsets.UTF_8);
      return text.endsWith("\r\n")
          ? text.substring(0, text.length() - 2)
          : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new CliException(KeyMessages.STANDARD_INPUT, e.getMessage());
    }
  }
}
