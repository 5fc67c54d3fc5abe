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

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.SecretGuard;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs {@code dynamodb-config} in-process against the local DynamoDB engine, and hands what it
 * printed to the secret guard unless the command was told to reveal secrets.
 */
final class CliRun {

  /** What one run printed, and its exit code. */
  record Result(int code, String out, String err) {

    /** Standard output, then standard error: for assertions on what a user saw. */
    String all() {
      return out + err;
    }
  }

  private final URI endpoint;

  CliRun(LocalDynamoDb engine) {
    this(engine.endpoint());
  }

  CliRun(URI endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Runs {@code args} with this endpoint and the local DynamoDB engine's region added to every
   * command.
   */
  Result run(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    if (!all.isEmpty() && !all.get(0).startsWith("-")) {
      all.addAll(
          1, List.of("--endpoint", endpoint.toString(), "--region", LocalDynamoDb.REGION.id()));
    }
    return exactly(all.toArray(String[]::new));
  }

  /** Runs {@code args}, with {@code input} as standard input. */
  Result runWithInput(String input, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(
        1, List.of("--endpoint", endpoint.toString(), "--region", LocalDynamoDb.REGION.id()));
    return exactly(input, all.toArray(String[]::new));
  }

  /** Runs {@code args} as they are. */
  static Result exactly(String... args) {
    return exactly("", args);
  }

  private static Result exactly(String input, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        DynamoDbConfigCli.execute(
            args,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out),
            new PrintWriter(err));
    boolean reveals = Arrays.stream(args).anyMatch(arg -> arg.startsWith("--reveal-secret"));
    if (!reveals) {
      String command = "dynamodb-config " + (args.length == 0 ? "" : args[0]);
      SecretGuard.checkOutput("stdout of " + command, out.toString());
      SecretGuard.checkOutput("stderr of " + command, err.toString());
    }
    return new Result(code, out.toString(), err.toString());
  }
}
