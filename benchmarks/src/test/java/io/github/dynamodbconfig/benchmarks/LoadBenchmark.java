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

import io.github.dynamodbconfig.DynamoDbConfigSource;
import io.github.dynamodbconfig.testkit.DynamoDbLocal;
import io.github.dynamodbconfig.testkit.Items;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Part 1, load: the time from nothing to a table's items in memory, in one warm JVM, with DynamoDB
 * Local in the same JVM on loopback. Every method builds its own client and closes it, as a source
 * does at start-up; every read is strongly consistent, as the source's default.
 */
final class LoadBenchmark {

  static final int[] SIZES = {10, 100, 1_000, 10_000};
  static final int RUNS = 20;
  static final int WARM_UP = 5;

  /** One GetItem per key costs seconds at 10,000 items: fewer runs there. */
  static final int SLOW_RUNS = 3;

  static final int SLOW_WARM_UP = 1;

  private final DynamoDbLocal engine;

  LoadBenchmark(DynamoDbLocal engine) {
    this.engine = engine;
  }

  /** A way to load a table; returns the number of settings it read. */
  private interface Method {
    int load(String table, List<String> keys);
  }

  private record Named(String name, Method method, boolean slow) {}

  /** Results of one size: per method, its timings and requests per load. */
  record SizeResult(
      int size, long tableBytes, Map<String, Stats> stats, Map<String, Integer> requests) {}

  List<SizeResult> run() {
    List<SizeResult> results = new ArrayList<>();
    for (int size : SIZES) {
      results.add(run(size));
    }
    return results;
  }

  static String table(List<SizeResult> results) {
    var table =
        new MarkdownTable(
            "N items",
            "table size",
            "method",
            "runs",
            "median ms",
            "p90 ms",
            "requests",
            "vs raw Scan");
    for (SizeResult result : results) {
      double scan = result.stats().get(RAW_SCAN).medianMillis();
      for (var entry : result.stats().entrySet()) {
        Stats stats = entry.getValue();
        table.row(
            String.format(Locale.ROOT, "%,d", result.size()),
            String.format(Locale.ROOT, "%,d KB", result.tableBytes() / 1024),
            entry.getKey(),
            stats.runs(),
            Stats.ms(stats.medianMillis()),
            Stats.ms(stats.p90Millis()),
            result.requests().get(entry.getKey()),
            Stats.ratio(stats.medianMillis() / scan));
      }
    }
    return table.toString();
  }

  static final String SOURCE = "our source (Scan)";
  static final String SOURCE_KEYS = "our source, declared keys (BatchGetItem)";
  static final String RAW_SCAN = "raw SDK Scan";
  static final String RAW_SCAN_PROJECTED = "raw SDK Scan, the source's projection";
  static final String GET_ITEM = "GetItem per key";
  static final String BATCH_GET = "BatchGetItem ×100";

  private SizeResult run(int size) {
    String table = "load-" + size;
    List<String> keys = fill(table, size);
    long bytes = 0;
    for (String key : keys) {
      bytes += itemBytes(key);
    }
    List<Named> methods =
        List.of(
            new Named(SOURCE, (t, k) -> source(t, List.of()), false),
            new Named(SOURCE_KEYS, this::source, false),
            new Named(RAW_SCAN, (t, k) -> rawScan(t, false), false),
            new Named(RAW_SCAN_PROJECTED, (t, k) -> rawScan(t, true), false),
            new Named(GET_ITEM, this::getItemPerKey, size >= 10_000),
            new Named(BATCH_GET, this::batchGet, false));
    Map<String, List<Long>> timings = new LinkedHashMap<>();
    Map<String, Integer> requests = new LinkedHashMap<>();
    for (Named named : methods) {
      timings.put(named.name(), new ArrayList<>());
      for (int i = 0; i < (named.slow() ? SLOW_WARM_UP : WARM_UP); i++) {
        check(named, named.method().load(table, keys), size);
      }
    }
    // Interleaved, so that a noisy moment of the shared machine hits every method alike.
    for (int run = 0; run < RUNS; run++) {
      for (Named named : methods) {
        if (named.slow() && run >= SLOW_RUNS) {
          continue;
        }
        RequestCounter.reset();
        long start = System.nanoTime();
        int loaded = named.method().load(table, keys);
        long elapsed = System.nanoTime() - start;
        check(named, loaded, size);
        timings.get(named.name()).add(elapsed);
        requests.put(named.name(), RequestCounter.requests().size());
      }
    }
    System.err.printf(Locale.ROOT, "load: %,d items done%n", size);
    Map<String, Stats> stats = new LinkedHashMap<>();
    timings.forEach((name, nanos) -> stats.put(name, Stats.of(nanos)));
    engine.deleteTable(table);
    return new SizeResult(size, bytes, stats, requests);
  }

  private static void check(Named named, int loaded, int size) {
    if (loaded != size) {
      throw new IllegalStateException(named.name() + " loaded " + loaded + " of " + size);
    }
  }

  /** Creates {@code table} with {@code size} settings of about 50 bytes each; returns the keys. */
  private List<String> fill(String table, int size) {
    engine.createConfigTable(table);
    List<String> keys = new ArrayList<>();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String key = String.format(Locale.ROOT, "setting.%05d", i);
      keys.add(key);
      items.add(Items.item(key, Items.s(value(key))));
    }
    engine.putItems(table, items);
    return keys;
  }

  private static String value(String key) {
    return "value of " + key + " for the load benchmark";
  }

  /** DynamoDB's item size: attribute names plus values, in UTF-8 bytes. */
  private static long itemBytes(String key) {
    return "Parameter".length() + key.length() + "Value".length() + value(key).length();
  }

  private int source(String table, List<String> keys) {
    System.setProperty("dynamodb.config.table", table);
    System.setProperty("dynamodb.config.endpoint", engine.endpoint().toString());
    System.setProperty("dynamodb.config.region", DynamoDbLocal.REGION.id());
    if (keys.isEmpty()) {
      System.clearProperty("dynamodb.config.keys");
    } else {
      System.setProperty("dynamodb.config.keys", String.join(",", keys));
    }
    try {
      return new DynamoDbConfigSource().getPropertyNames().size();
    } finally {
      System.clearProperty("dynamodb.config.table");
      System.clearProperty("dynamodb.config.keys");
    }
  }

  /** A client as an application builds it: URL-connection, endpoint, region, default chain. */
  private DynamoDbClient rawClient() {
    return DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(engine.endpoint())
        .region(DynamoDbLocal.REGION)
        .build();
  }

  /**
   * A paginated Scan; {@code projected}: with the projection the source sends ({@code #k, #v, #s}
   * through expression attribute names), which DynamoDB evaluates for every item.
   */
  private int rawScan(String table, boolean projected) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    try (DynamoDbClient client = rawClient()) {
      Map<String, AttributeValue> startKey = null;
      do {
        Map<String, AttributeValue> from = startKey;
        ScanResponse page =
            client.scan(
                b -> {
                  b.tableName(table).consistentRead(true).exclusiveStartKey(from);
                  if (projected) {
                    b.projectionExpression("#k, #v, #s")
                        .expressionAttributeNames(
                            Map.of("#k", "Parameter", "#v", "Value", "#s", "Secret"));
                  }
                });
        items.addAll(page.items());
        startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      } while (startKey != null && !startKey.isEmpty());
    }
    return items.size();
  }

  private int getItemPerKey(String table, List<String> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    try (DynamoDbClient client = rawClient()) {
      for (String key : keys) {
        items.add(
            client
                .getItem(
                    b ->
                        b.tableName(table)
                            .consistentRead(true)
                            .key(Map.of("Parameter", AttributeValue.fromS(key))))
                .item());
      }
    }
    return items.size();
  }

  /** {@code BatchGetItem} with 100 keys a request, one request after the other. */
  private int batchGet(String table, List<String> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    try (DynamoDbClient client = rawClient()) {
      for (int from = 0; from < keys.size(); from += 100) {
        List<Map<String, AttributeValue>> chunk = new ArrayList<>();
        for (String key : keys.subList(from, Math.min(from + 100, keys.size()))) {
          chunk.add(Map.of("Parameter", AttributeValue.fromS(key)));
        }
        Map<String, KeysAndAttributes> pending =
            Map.of(table, KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
        while (!pending.isEmpty()) {
          Map<String, KeysAndAttributes> request = pending;
          BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(request));
          items.addAll(response.responses().getOrDefault(table, List.of()));
          pending = response.unprocessedKeys();
        }
      }
    }
    return items.size();
  }
}
