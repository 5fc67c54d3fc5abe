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

import io.github.dynamodbconfig.testkit.DynamoDbLocal;
import io.github.dynamodbconfig.testkit.Items;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB Local in a JVM of its own, so that the CPU time the measuring JVM spends is the client's
 * alone. It holds one table per size of the load benchmark, {@code load-<N>}, filled before it
 * reports its endpoint; it stops when the measuring JVM closes its standard input.
 */
final class EngineProcess implements AutoCloseable {

  private static final String READY = "ENGINE ";

  private final Process process;
  private final URI endpoint;

  private EngineProcess(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** Starts the engine with the tables of {@code sizes} and waits until they are filled. */
  static EngineProcess start(int[] sizes) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EngineProcess.class.getName());
    for (int size : sizes) {
      command.add(Integer.toString(size));
    }
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      var out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(READY)) {
          return new EngineProcess(process, URI.create(line.substring(READY.length()).trim()));
        }
      }
      process.destroyForcibly();
      throw new IllegalStateException("The DynamoDB Local process ended before it was ready");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The table of one size. */
  static String table(int size) {
    return "load-" + size;
  }

  /** The keys of the table of one size: {@code setting.00000} and on. */
  static List<String> keys(int size) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      keys.add(String.format(Locale.ROOT, "setting.%05d", i));
    }
    return keys;
  }

  /** The value of a setting, about 45 bytes. */
  static String value(String key) {
    return "value of " + key + " for the load benchmark";
  }

  /** DynamoDB's item size: attribute names plus values, in UTF-8 bytes. */
  static long itemBytes(String key) {
    return "Parameter".length() + key.length() + "Value".length() + value(key).length();
  }

  /**
   * Creates the table of each of {@code sizes} in {@code engine} and fills it: in the engine's JVM,
   * or in the measuring JVM with {@code -Dbench.engine=in-process}.
   */
  static void fill(DynamoDbLocal engine, int[] sizes) {
    for (int size : sizes) {
      engine.createConfigTable(table(size));
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      for (String key : keys(size)) {
        items.add(Items.item(key, Items.s(value(key))));
      }
      engine.putItems(table(size), items);
    }
  }

  /** The engine's JVM: fills the tables, prints its endpoint, runs until its stdin closes. */
  public static void main(String[] args) throws IOException {
    try (DynamoDbLocal engine = DynamoDbLocal.start()) {
      fill(engine, Arrays.stream(args).mapToInt(Integer::parseInt).toArray());
      System.out.println(READY + engine.endpoint());
      System.out.flush();
      while (System.in.read() >= 0) {
        // until the measuring JVM closes the pipe
      }
    }
    // DynamoDB Local leaves non-daemon threads behind.
    System.exit(0);
  }
}
