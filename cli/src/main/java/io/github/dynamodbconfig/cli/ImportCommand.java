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
import io.github.dynamodbconfig.cli.ImportFile.Attributes;
import io.github.dynamodbconfig.cli.ImportFile.Entry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code import}: fills a table from a file, after checking all of it and printing the plan. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a properties, JSON or batch-write file into the table.",
      "%nEvery setting is checked with the library's rules first, and nothing is written if one is bad. Then the plan is printed (+ added, ~ changed, - removed with --prune, the count of unchanged keys; secrets as ***) and the changes are written with BatchWriteItem. Importing the same file again writes nothing."
    })
final class ImportCommand implements Callable<Integer> {

  /** Keys listed by name in a failure's report; the rest are counted. */
  static final int LISTED = 20;

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

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
  public Integer call() throws IOException {
    ConfigTable table = target.open();
    List<Entry> entries =
        ImportFile.read(
            file,
            format == null ? null : ImportFile.Format.named(format),
            new Attributes(table.keyAttribute(), table.valueAttribute(), table.secretAttribute()));
    try (DynamoDbClient client = table.newClient()) {
      List<Map<String, AttributeValue>> current = table.readItems(client);
      Set<String> secretKeys = Set.copyOf(secrets);
      ImportPlan plan = ImportPlan.of(table, current, entries, secretKeys, prune);
      List<String> problems =
          ImportChecks.problems(table, entries, current, plan.result(), secretKeys);
      if (!problems.isEmpty()) {
        throw new CliException(
            file
                + ": "
                + problems.size()
                + (problems.size() == 1 ? " problem" : " problems")
                + "; nothing was written to table '"
                + table.name()
                + "'",
            problems);
      }
      if (dryRun || plan.changes().isEmpty()) {
        print(table, plan, null);
        return dryRun && !plan.changes().isEmpty() ? DynamoDbConfigCli.DIFFERENT : 0;
      }
      List<BatchWriter.Write> writes = plan.writes();
      // A change of several items, marked in progress until all is written: a refresh of a
      // running application never publishes half of it. A failed import leaves it in progress.
      table.markChange(client, true);
      BatchWriter.Result result =
          new BatchWriter(table, client, Progress.of(output.err(), "Writing", writes.size()))
              .write(writes);
      if (result.failure() == null) {
        table.markChange(client, false);
      }
      if (result.failure() != null) {
        print(table, plan, result);
        throw new CliException(
            "The import into table '"
                + table.name()
                + "' stopped: "
                + result.failure().getMessage(),
            report(result, writes.size()));
      }
      print(table, plan, result);
      return 0;
    }
  }

  private static List<String> report(BatchWriter.Result result, int total) {
    List<String> lines = new ArrayList<>();
    lines.add("written: " + result.written().size() + " of " + total + " changes");
    List<String> missing = result.notWritten().stream().sorted().toList();
    StringBuilder keys = new StringBuilder("not written: " + missing.size() + " (");
    for (int i = 0; i < Math.min(LISTED, missing.size()); i++) {
      keys.append(i == 0 ? "" : ", ").append(Display.key(missing.get(i)));
    }
    keys.append(missing.size() > LISTED ? ", ...)" : ")");
    lines.add(keys.toString());
    lines.add(
        "Run the same command again to write the rest: what is written is not written twice.");
    return lines;
  }

  private void print(ConfigTable table, ImportPlan plan, BatchWriter.Result result) {
    if (output.json()) {
      output.json(
          json -> {
            json.writeStartObject();
            json.writeStringField("table", table.name());
            json.writeBooleanField("dryRun", dryRun);
            Changes.writeJson(json, plan);
            json.writeNumberField("unchanged", plan.unchanged());
            json.writeNumberField("written", result == null ? 0 : result.written().size());
            json.writeEndObject();
          });
      return;
    }
    plan.lines().forEach(output.out()::println);
    output.out().println(plan.unchanged() + " unchanged");
    if (result != null && result.failure() == null) {
      output
          .out()
          .println(
              "Wrote "
                  + (result.written().size() == 1
                      ? "1 change"
                      : result.written().size() + " changes")
                  + " to table '"
                  + table.name()
                  + "'");
    } else if (result == null && plan.changes().isEmpty()) {
      output.out().println("Nothing to change in table '" + table.name() + "'");
    }
  }
}
