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
package io.github.dynamodbconfig.it.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The operator's tool, run as an operator runs it ({@code java -jar dynamodb-config-cli.jar}), to
 * change the example table while an application runs; and the wait for that change to reach the
 * application's beans.
 */
final class LiveChange {

  private LiveChange() {}

  /** Sets {@code key} to {@code value} in the example table with the tool's {@code set} command. */
  static void set(LocalDynamoDb engine, String key, String value) {
    set(engine, ExampleTable.ROLE, key, value);
  }

  /** Sets {@code key} to {@code value} in the table of {@code role} with the tool. */
  static void set(LocalDynamoDb engine, String role, String key, String value) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Deployment.path("cli.jar").toString());
    command.addAll(
        List.of(
            "set",
            "--role",
            role,
            key,
            value,
            "--endpoint",
            engine.endpoint().toString(),
            "--region",
            LocalDynamoDb.REGION.id()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("AWS_ACCESS_KEY_ID", LocalDynamoDb.ACCESS_KEY_ID);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", LocalDynamoDb.SECRET_ACCESS_KEY);
    try {
      Process tool = builder.start();
      String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(tool.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(tool.exitValue()).as(output).isZero();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Polls {@code url} until its body contains {@code expected}; the body then, and how long it took
   * from the call.
   */
  static Seen await(String url, String expected, Duration within) {
    long start = System.nanoTime();
    long deadline = start + within.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      Http.Answer answer = Http.get(url);
      body = answer.body();
      if (answer.status() == 200 && body.contains(expected)) {
        return new Seen(body, Duration.ofNanos(System.nanoTime() - start));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        "'" + expected + "' not answered by " + url + " within " + within + "; last: " + body);
  }

  /** An answer, and how long it took to come. */
  record Seen(String body, Duration after) {}
}
