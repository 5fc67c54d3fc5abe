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
package io.github.dynamodbconfig.benchmarks;

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Part 6, the operator's tool: {@code import} and {@code export} of {@value #SETTINGS} settings
 * with {@code java -jar dynamodb-config-cli.jar}, a process each as an operator runs it, from spawn
 * to exit; beside it, today's way with the AWS CLI: one {@code aws dynamodb batch-write-item} per
 * file of 25 items, one after the other, and one {@code aws dynamodb scan}.
 */
final class CliBenchmark {

  static final int SETTINGS = 10_000;
  static final int RUNS = 3;
  static final String TABLE = "cli-bench-config";

  private final LocalDynamoDb engine;
  private final Path cliJar;
  private final Path aws;
  private final Path dir;

  CliBenchmark(LocalDynamoDb engine, Path cliJar, Path aws) throws IOException {
    this.engine = engine;
    this.cliJar = cliJar;
    this.aws = aws;
    this.dir = Files.createTempDirectory("cli-bench");
  }

  String run() throws IOException, InterruptedException {
    Path settings = dir.resolve("settings.properties");
    List<String> lines = new ArrayList<>();
    for (String key : EngineProcess.keys(SETTINGS)) {
      lines.add(key + "=" + EngineProcess.value(key));
    }
    Files.write(settings, lines);
    List<Long> imports = new ArrayList<>();
    List<Long> reimports = new ArrayList<>();
    List<Long> exports = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      fresh();
      imports.add(tool("import", "--table", TABLE, settings.toString()));
      check(count(), "import");
      reimports.add(tool("import", "--table", TABLE, settings.toString()));
      exports.add(tool("export", "--table", TABLE));
      check(Files.readAllLines(dir.resolve("out.txt")).size(), "export");
    }
    var table =
        new MarkdownTable(
            "operation, " + SETTINGS + " settings", "way", "runs", "median s", "slowest s");
    row(
        table,
        "import into an empty table",
        "dynamodb-config import (400 BatchWriteItem, 4 in flight)",
        imports);
    row(
        table,
        "import of the same file again",
        "dynamodb-config import (nothing to write)",
        reimports);
    row(table, "export", "dynamodb-config export (properties)", exports);
    if (Files.isExecutable(aws)) {
      Path batches = dir.resolve("batches");
      tool(
          "export", "--table", TABLE, "--format", "batch-write", "--batch-dir", batches.toString());
      List<Path> files;
      try (Stream<Path> listed = Files.list(batches)) {
        files = listed.sorted().toList();
      }
      fresh();
      long start = System.nanoTime();
      for (Path file : files) {
        process(awsCommand("dynamodb", "batch-write-item", "--request-items", "file://" + file));
      }
      long loop = System.nanoTime() - start;
      check(count(), "aws batch-write-item");
      row(
          table,
          "import into an empty table",
          "aws dynamodb batch-write-item, " + files.size() + " files of 25, in turn",
          List.of(loop));
      long scan = process(awsCommand("dynamodb", "scan", "--table-name", TABLE));
      row(table, "export", "aws dynamodb scan (JSON)", List.of(scan));
    } else {
      table.row("(AWS CLI)", "not measured: " + aws + " is missing", "", "", "");
    }
    return table.toString();
  }

  private static void row(MarkdownTable table, String operation, String way, List<Long> nanos) {
    Stats stats = Stats.of(nanos);
    table.row(
        operation,
        way,
        stats.runs(),
        String.format(Locale.ROOT, "%.2f", stats.medianMillis() / 1000),
        String.format(Locale.ROOT, "%.2f", stats.nanos()[stats.runs() - 1] / 1e9));
  }

  private void fresh() {
    if (engine.client().listTables().tableNames().contains(TABLE)) {
      engine.deleteTable(TABLE);
    }
    engine.createConfigTable(TABLE);
  }

  /** The settings in the table: its items but the change stamp, which the import writes too. */
  private int count() {
    return (int)
        engine
            .client()
            .scanPaginator(
                r ->
                    r.tableName(TABLE)
                        .projectionExpression("#k")
                        .expressionAttributeNames(Map.of("#k", "Parameter")))
            .items()
            .stream()
            .filter(item -> !ConfigTable.isReservedKey(item.get("Parameter").s()))
            .count();
  }

  private static void check(int count, String what) {
    if (count != SETTINGS) {
      throw new IllegalStateException(what + " gave " + count + " settings, not " + SETTINGS);
    }
  }

  private long tool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(cliJar.toString());
    command.addAll(List.of(args));
    command.addAll(
        List.of("--endpoint", engine.endpoint().toString(), "--region", LocalDynamoDb.REGION.id()));
    return process(command);
  }

  private List<String> awsCommand(String... args) {
    List<String> command = new ArrayList<>(List.of(aws.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", engine.endpoint().toString(), "--output", "json"));
    return command;
  }

  /** Runs {@code command}, its output to {@code out.txt}; the nanoseconds from spawn to exit. */
  private long process(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().put("AWS_ACCESS_KEY_ID", LocalDynamoDb.ACCESS_KEY_ID);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", LocalDynamoDb.SECRET_ACCESS_KEY);
    builder.environment().put("AWS_DEFAULT_REGION", LocalDynamoDb.REGION.id());
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().put("AWS_PAGER", "");
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          command + " failed: " + Files.readString(dir.resolve("err.txt")));
    }
    return System.nanoTime() - start;
  }
}
