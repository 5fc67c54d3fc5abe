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

import com.amazonaws.Request;
import com.amazonaws.Response;
import com.amazonaws.handlers.RequestHandler2;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient;
import com.netflix.config.ConfigurationManager;
import com.netflix.config.sources.DynamoDbConfigurationSource;
import io.github.dynamodbconfig.DynamoDbConfigSource;
import io.github.dynamodbconfig.testkit.DynamoDbLocal;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Part 1, load: the time from nothing to a table's settings in memory, in one warm JVM, with
 * DynamoDB Local in a JVM of its own ({@link EngineProcess}) so that this JVM's CPU time is the
 * client's. Every method builds its own client and closes it, as a source does at start-up.
 */
final class LoadBenchmark {

  static final int[] SIZES = {10, 100, 1_000, 10_000};
  static final int RUNS = 30;
  static final int WARM_UP = 10;

  /** One GetItem per key costs seconds from 1,000 items on: fewer runs there. */
  static final int SLOW_RUNS = 5;

  static final int SLOW_WARM_UP = 1;

  static final String SOURCE = "our source (Scan)";
  static final String SOURCE_KEYS = "our source, declared keys (BatchGetItem)";
  static final String RAW_SCAN = "raw SDK Scan";
  static final String RAW_SCAN_PROJECTED = "raw SDK Scan with a projection";
  static final String ARCHAIUS = "Archaius 1 DynamoDbConfigurationSource";
  static final String GET_ITEM = "GetItem per key";
  static final String BATCH_GET = "BatchGetItem ×100";

  private final URI endpoint;
  private final AtomicInteger archaiusRequests = new AtomicInteger();

  LoadBenchmark(URI endpoint) {
    this.endpoint = endpoint;
    // Archaius reads its table layout through its own configuration; the SDK v1's default chain
    // reads the secret key from aws.secretKey (v2: aws.secretAccessKey).
    ConfigurationManager.getConfigInstance()
        .setProperty("com.netflix.config.dynamo.keyAttributeName", "Parameter");
    ConfigurationManager.getConfigInstance()
        .setProperty("com.netflix.config.dynamo.valueAttributeName", "Value");
    System.setProperty("aws.secretKey", DynamoDbLocal.SECRET_ACCESS_KEY);
  }

  /** A way to load a table; returns the number of settings it read. */
  private interface Method {
    int load(String table, List<String> keys);
  }

  private record Named(String name, Method method, boolean slow) {}

  /** One method at one size: wall and CPU time per load, requests per load. */
  record Measured(Stats wall, Stats cpu, int requests) {}

  /** Results of one size, per method. */
  record SizeResult(int size, long tableBytes, Map<String, Measured> methods) {}

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
            "CPU median ms",
            "requests",
            "vs raw Scan",
            "vs Archaius 1",
            "CPU over raw Scan, µs/item");
    for (SizeResult result : results) {
      Measured raw = result.methods().get(RAW_SCAN);
      Measured archaius = result.methods().get(ARCHAIUS);
      result
          .methods()
          .forEach(
              (name, measured) ->
                  table.row(
                      String.format(Locale.ROOT, "%,d", result.size()),
                      String.format(Locale.ROOT, "%,d KB", result.tableBytes() / 1024),
                      name,
                      measured.wall().runs(),
                      Stats.ms(measured.wall().medianMillis()),
                      Stats.ms(measured.wall().p90Millis()),
                      Stats.ms(measured.cpu().medianMillis()),
                      measured.requests(),
                      Stats.ratio(measured.wall().medianMillis() / raw.wall().medianMillis()),
                      Stats.ratio(measured.wall().medianMillis() / archaius.wall().medianMillis()),
                      String.format(
                          Locale.ROOT,
                          "%+.2f",
                          (measured.cpu().medianMillis() - raw.cpu().medianMillis())
                              * 1000
                              / result.size())));
    }
    return table.toString();
  }

  private SizeResult run(int size) {
    String table = EngineProcess.table(size);
    List<String> keys = EngineProcess.keys(size);
    long bytes = keys.stream().mapToLong(EngineProcess::itemBytes).sum();
    List<Named> methods =
        List.of(
            new Named(SOURCE, (t, k) -> source(t, List.of()), false),
            new Named(SOURCE_KEYS, this::source, false),
            new Named(RAW_SCAN, (t, k) -> rawScan(t, false), false),
            new Named(RAW_SCAN_PROJECTED, (t, k) -> rawScan(t, true), false),
            new Named(ARCHAIUS, (t, k) -> archaius(t), false),
            new Named(GET_ITEM, this::getItemPerKey, size >= 1_000),
            new Named(BATCH_GET, this::batchGet, false));
    Map<String, List<Long>> wall = new LinkedHashMap<>();
    Map<String, List<Long>> cpu = new LinkedHashMap<>();
    Map<String, Integer> requests = new LinkedHashMap<>();
    for (Named named : methods) {
      wall.put(named.name(), new ArrayList<>());
      cpu.put(named.name(), new ArrayList<>());
      for (int i = 0; i < (named.slow() ? SLOW_WARM_UP : WARM_UP); i++) {
        check(named, named.method().load(table, keys), size);
      }
    }
    // Interleaved, so that a noisy moment of the machine hits every method alike.
    for (int run = 0; run < RUNS; run++) {
      for (Named named : methods) {
        if (named.slow() && run >= SLOW_RUNS) {
          continue;
        }
        RequestCounter.reset();
        archaiusRequests.set(0);
        // The live threads' CPU to the nanosecond; the JVM's process CPU time counts in 10 ms
        // ticks, as long as a small load. A thread that ends within the load is not counted.
        long cpuStart = Marker.processCpuNanos();
        long start = System.nanoTime();
        int loaded = named.method().load(table, keys);
        long elapsed = System.nanoTime() - start;
        long cpuElapsed = Marker.processCpuNanos() - cpuStart;
        check(named, loaded, size);
        wall.get(named.name()).add(elapsed);
        cpu.get(named.name()).add(cpuElapsed);
        requests.put(named.name(), RequestCounter.requests().size() + archaiusRequests.get());
      }
    }
    System.err.printf(Locale.ROOT, "load: %,d items done%n", size);
    Map<String, Measured> measured = new LinkedHashMap<>();
    for (Named named : methods) {
      measured.put(
          named.name(),
          new Measured(
              Stats.of(wall.get(named.name())),
              Stats.of(cpu.get(named.name())),
              requests.get(named.name())));
    }
    return new SizeResult(size, bytes, measured);
  }

  private static void check(Named named, int loaded, int size) {
    if (loaded != size) {
      throw new IllegalStateException(named.name() + " loaded " + loaded + " of " + size);
    }
  }

  int source(String table, List<String> keys) {
    System.setProperty("dynamodb.config.table", table);
    System.setProperty("dynamodb.config.endpoint", endpoint.toString());
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
        .endpointOverride(endpoint)
        .region(DynamoDbLocal.REGION)
        .build();
  }

  /**
   * A paginated, strongly consistent Scan whose items become a map of key to string value, as an
   * application would write it; {@code projected}: with a projection of the three attributes of an
   * item ({@code #k, #v, #s} through expression attribute names), which DynamoDB evaluates for
   * every item. The source reads whole items; this row shows what a projection would cost.
   */
  int rawScan(String table, boolean projected) {
    Map<String, String> settings = new HashMap<>();
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
        for (Map<String, AttributeValue> item : page.items()) {
          settings.put(item.get("Parameter").s(), item.get("Value").s());
        }
        startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      } while (startKey != null && !startKey.isEmpty());
    }
    return settings.size();
  }

  /**
   * Archaius 1 as its documentation sets it up: an SDK v1 client with the default chain, the table
   * named in Archaius's configuration, one poll (an eventually consistent, paginated Scan).
   */
  private int archaius(String table) {
    ConfigurationManager.getConfigInstance()
        .setProperty("com.netflix.config.dynamo.tableName", table);
    AmazonDynamoDBClient client = new AmazonDynamoDBClient();
    try {
      client.setEndpoint(endpoint.toString());
      client.addRequestHandler(
          new RequestHandler2() {
            @Override
            public void beforeRequest(Request<?> request) {
              archaiusRequests.incrementAndGet();
            }

            @Override
            public void afterResponse(Request<?> request, Response<?> response) {}

            @Override
            public void afterError(Request<?> request, Response<?> response, Exception e) {}
          });
      return new DynamoDbConfigurationSource(client).poll(true, null).getComplete().size();
    } catch (Exception e) {
      throw new IllegalStateException("Archaius could not load " + table + ": " + e, e);
    } finally {
      client.shutdown();
    }
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
