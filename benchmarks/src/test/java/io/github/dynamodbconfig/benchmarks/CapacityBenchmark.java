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

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Part 7, capacity: the read units a load costs, measured with {@code ReturnConsumedCapacity} on
 * the local DynamoDB engine (whose figures follow DynamoDB's rules: 4 KB a unit for a strongly
 * consistent read, half for an eventually consistent one, a Scan charged on the total size it
 * reads, a BatchGetItem on each item rounded up to 4 KB; a strongly consistent Scan, which the
 * engine charges at the eventual rate, is counted as DynamoDB charges it), for tables of about 10
 * KB, 100 KB and 1 MB; then what a fleet asks of the table, computed from those figures.
 */
final class CapacityBenchmark {

  /** Items of about 70 bytes: about 10 KB, 100 KB and 1 MB of table. */
  static final int[] SIZES = {140, 1_400, 14_000};

  /** DynamoDB's limit of read units per second of one partition. */
  static final int PARTITION_UNITS = 3_000;

  /** On-demand reads in us-east-1, dollars per million read request units. */
  static final double DOLLARS_PER_MILLION = 0.125;

  private final LocalDynamoDb engine;

  CapacityBenchmark(LocalDynamoDb engine) {
    this.engine = engine;
  }

  /** Read units of one load of a table of each size, by way of reading. */
  record Units(
      int items,
      long bytes,
      double scanStrong,
      double scanEventual,
      double batchStrong,
      double batchEventual,
      double itemStrong,
      double itemEventual) {}

  String run() {
    List<Units> measured = new ArrayList<>();
    for (int size : SIZES) {
      measured.add(measure(size));
    }
    var units =
        new MarkdownTable(
            "items",
            "table size",
            "Scan, strong",
            "Scan, eventual",
            "BatchGetItem of every key, strong",
            "BatchGetItem, eventual",
            "GetItem of one item, strong",
            "GetItem, eventual");
    for (Units u : measured) {
      units.row(
          u.items(),
          kb(u.bytes()),
          units(u.scanStrong()),
          units(u.scanEventual()),
          units(u.batchStrong()),
          units(u.batchEventual()),
          units(u.itemStrong()),
          units(u.itemEventual()));
    }
    var fleet =
        new MarkdownTable(
            "table",
            "instances",
            "refresh every",
            "read units/s",
            "of one partition",
            "$ per month");
    for (Units u : measured) {
      for (int instances : new int[] {100, 1_000, 10_000}) {
        for (int minutes : new int[] {1, 5, 15}) {
          double perSecond = instances * u.scanStrong() / (minutes * 60.0);
          fleet.row(
              kb(u.bytes()),
              String.format(Locale.ROOT, "%,d", instances),
              minutes + " min",
              units(perSecond),
              String.format(Locale.ROOT, "%.1f %%", 100 * perSecond / PARTITION_UNITS),
              dollars(perSecond));
        }
      }
    }
    var storm =
        new MarkdownTable("table", "instances", "start within", "read units/s", "of one partition");
    for (Units u : measured) {
      for (int instances : new int[] {100, 1_000}) {
        for (int seconds : new int[] {10, 60}) {
          double perSecond = instances * u.scanStrong() / seconds;
          storm.row(
              kb(u.bytes()),
              String.format(Locale.ROOT, "%,d", instances),
              seconds + " s",
              units(perSecond),
              String.format(Locale.ROOT, "%.0f %%", 100 * perSecond / PARTITION_UNITS));
        }
      }
    }
    return "Measured, read units per load:\n\n"
        + units
        + "\nComputed from the Scan (strong) figures, a fleet refreshing a table (each instance one"
        + " full load per period; $ for on-demand reads at $"
        + DOLLARS_PER_MILLION
        + " per million units, 30 days):\n\n"
        + fleet
        + "\nComputed, a start-up storm (N instances loading within T seconds, evenly):\n\n"
        + storm;
  }

  private Units measure(int size) {
    String table = "capacity-" + size;
    engine.createConfigTable(table);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    long bytes = 0;
    for (String key : EngineProcess.keys(size)) {
      items.add(
          Map.of(
              "Parameter", AttributeValue.fromS(key),
              "Value", AttributeValue.fromS(EngineProcess.value(key))));
      bytes += EngineProcess.itemBytes(key);
    }
    engine.putItems(table, items);
    DynamoDbClient client = engine.client();
    String first = EngineProcess.keys(1).get(0);
    return new Units(
        size,
        bytes,
        scan(client, table, true),
        scan(client, table, false),
        batch(client, table, size, true),
        batch(client, table, size, false),
        item(client, table, first, true),
        item(client, table, first, false));
  }

  private static double scan(DynamoDbClient client, String table, boolean strong) {
    double units = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page =
          client.scan(
              r ->
                  r.tableName(table)
                      .consistentRead(strong)
                      .exclusiveStartKey(from)
                      .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
      units += LocalDynamoDb.dynamoDbScanUnits(page.consumedCapacity().capacityUnits(), strong);
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return units;
  }

  private static double batch(DynamoDbClient client, String table, int size, boolean strong) {
    double units = 0;
    List<String> keys = EngineProcess.keys(size);
    for (int from = 0; from < keys.size(); from += 100) {
      List<Map<String, AttributeValue>> batch =
          keys.subList(from, Math.min(keys.size(), from + 100)).stream()
              .map(key -> Map.of("Parameter", AttributeValue.fromS(key)))
              .toList();
      Map<String, KeysAndAttributes> request =
          Map.of(table, KeysAndAttributes.builder().keys(batch).consistentRead(strong).build());
      while (!request.isEmpty()) {
        Map<String, KeysAndAttributes> asked = request;
        BatchGetItemResponse response =
            client.batchGetItem(
                r -> r.requestItems(asked).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        units += response.consumedCapacity().stream().mapToDouble(c -> c.capacityUnits()).sum();
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return units;
  }

  private static double item(DynamoDbClient client, String table, String key, boolean strong) {
    return client
        .getItem(
            r ->
                r.tableName(table)
                    .key(Map.of("Parameter", AttributeValue.fromS(key)))
                    .consistentRead(strong)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity()
        .capacityUnits();
  }

  private static String units(double units) {
    return units >= 100
        ? String.format(Locale.ROOT, "%,.0f", units)
        : String.format(Locale.ROOT, "%.1f", units);
  }

  private static String kb(long bytes) {
    return bytes >= 1_000_000
        ? String.format(Locale.ROOT, "%.2f MB", bytes / 1e6)
        : String.format(Locale.ROOT, "%.0f KB", bytes / 1e3);
  }

  private static String dollars(double unitsPerSecond) {
    return String.format(
        Locale.ROOT, "%,.2f", unitsPerSecond * 30 * 24 * 3600 * DOLLARS_PER_MILLION / 1e6);
  }
}
