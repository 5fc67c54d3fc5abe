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
import io.github.dynamodbconfig.cli.ImportFile.Attributes;
import io.github.dynamodbconfig.cli.ImportFile.Entry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import}: fills a table from a file, after checking all of it and printing the plan. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a properties, JSON or batch-write file into the table.",
      "%nEvery setting is checked with the library's rules first, and nothing is written if one is bad. Then the plan is printed (+ added, ~ changed, - removed with --prune, the count of unchanged keys; secrets as ***) and the changes are written with BatchWriteItem. Importing the same file again writes nothing."
    })
final class ImportCommand implements Callable<Integer> {

  @Mixin SingleTable target;
  @Mixin OutputOptions output;
  @Mixin ValueOptions values;

  @Parameters(index = "0", paramLabel = "FILE", description = "The settings to import")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "properties, json or batch-write (default: by the file's extension)")
  String format;

  @Option(
      names = "--dry-run",
      description = "Print the plan only: exit 0 if nothing would change, 1 if something would")
  boolean dryRun;

  @Option(
      names = "--prune",
      description = "Also remove the keys of the table that FILE does not hold")
  boolean prune;

  @Option(
      names = "--secret",
      paramLabel = "KEY",
      description = "Mark KEY secret (repeatable); keys matching secret-keys always are")
  List<String> secrets = new ArrayList<>();

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    List<Entry> entries =
        ImportFile.read(
            file,
            format == null ? null : ImportFile.Format.named(format),
            new Attributes(table.keyAttribute(), table.valueAttribute(), table.secretAttribute()));
    try (TableSession session = TableSession.open(table)) {
      ImportPlan plan =
          ImportChecks.checkedPlan(
              table,
              session.items(),
              entries,
              Set.copyOf(secrets),
              prune,
              problems -> refusal(table, problems));
      session.seals().checkWritable(plan.changes().stream().map(ImportPlan.Change::item).toList());
      if (dryRun || plan.changes().isEmpty()) {
        output.print(new Report.Import(table.name(), dryRun, plan, 0, false), values.full);
        return dryRun && !plan.changes().isEmpty() ? DynamoDbConfigCli.DIFFERENT : 0;
      }
      BatchWriter.Result result = write(session, plan.writes());
      output.print(
          new Report.Import(table.name(), false, plan, result.count(), result.complete()),
          values.full);
      if (!result.complete()) {
        throw result.stopped(ImportMessages.STOPPED, table.name());
      }
      return 0;
    }
  }

  /** Writes the plan's {@code writes} as one change, its progress on standard error. */
  private BatchWriter.Result write(TableSession session, List<BatchWriter.Write> writes) {
    Progress progress = Progress.of(output.err(), ImportMessages.WRITING, writes.size());
    return session.change(writes.size(), () -> new BatchWriter(session, progress).write(writes));
  }

  private CliException refusal(ConfigTable table, List<Problem> problems) {
    return new CliException(
            ImportMessages.PROBLEMS,
            file,
            Display.count(problems.size(), "problem", "problems"),
            table.name())
        .withDetails(problems.stream().map(Problem::withLine).toList());
  }
}
