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

import io.github.dynamodbconfig.testkit.Items;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local DynamoDB engine (dynalite), a process of its own, so that the CPU time the measuring
 * JVM spends is the client's alone. It holds one table per size of the load benchmark, {@code
 * load-<N>}, filled before {@link #start} returns.
 */
final class EngineProcess implements AutoCloseable {

  private final LocalDynamoDb engine;

  private EngineProcess(LocalDynamoDb engine) {
    this.engine = engine;
  }

  /** Starts the engine with the tables of {@code sizes} and fills them. */
  static EngineProcess start(int[] sizes) {
    LocalDynamoDb engine = LocalDynamoDb.start();
    try {
      fill(engine, sizes);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    return new EngineProcess(engine);
  }

  URI endpoint() {
    return engine.endpoint();
  }

  @Override
  public void close() {
    engine.close();
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

  /** Creates the table of each of {@code sizes} in {@code engine} and fills it. */
  private static void fill(LocalDynamoDb engine, int[] sizes) {
    for (int size : sizes) {
      engine.createConfigTable(table(size));
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      for (String key : keys(size)) {
        items.add(Items.item(key, Items.s(value(key))));
      }
      engine.putItems(table(size), items);
    }
  }
}
