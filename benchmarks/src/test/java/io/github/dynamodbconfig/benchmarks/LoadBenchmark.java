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
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Part 1, load: the time from nothing to a table's settings in memory, in one warm JVM, with the
 * local DynamoDB engine in a process of its own ({@link EngineProcess}) so that this JVM's CPU time
 * is the client's. Every method builds its own client and closes it, as a source does at start-up.
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
  static final String SOURCE_LOGGED = "our source (Scan), INFO line logged";

  /** The ids of {@code -Dbench.methods}, in the order a run without it measures them. */
  static final List<String> DEFAULT_METHODS =
      List.of("source", "keys", "raw", "projected", "archaius", "getitem", "batchget");

  /**
   * Every id: the default ones and {@code source-logged}, the source with its INFO line printed as
   * an application prints it (the JDK's default logging: a console handler on standard error).
   */
  static final List<String> ALL_METHODS =
      List.of(
          "source", "source-logged", "keys", "raw", "projected", "archaius", "getitem", "batchget");

  /** The library's logger, whose level {@link RunBenchmarks} keeps at WARNING for this part. */
  private static final Logger SOURCE_LOGGER = Logger.getLogger("io.github.dynamodbconfig");

  private final URI endpoint;
  private final int[] sizes;
  private final List<String> methodIds;
  private final boolean cpuSplit;
  private final AtomicInteger archaiusRequests = new AtomicInteger();

  LoadBenchmark(URI endpoint) {
    this(endpoint, SIZES, DEFAULT_METHODS, false);
  }

  /**
   * The load part at {@code sizes} with the methods of {@code methodIds} (which must name {@code
   * raw} and {@code archaius}, the references of the ratios), in that order; {@code cpuSplit}: the
   * CPU time sampled by {@link ThreadCpu}, per kind of thread, for {@link #cpuTable}.
   */
  LoadBenchmark(URI endpoint, int[] sizes, List<String> methodIds, boolean cpuSplit) {
    for (String id : methodIds) {
      if (!ALL_METHODS.contains(id)) {
        throw new IllegalArgumentException("Unknown method '" + id + "'; methods: " + ALL_METHODS);
      }
    }
    if (!methodIds.contains("raw") || !methodIds.contains("archaius")) {
      throw new IllegalArgumentException("bench.methods must name raw and archaius: " + methodIds);
    }
    this.endpoint = endpoint;
    this.sizes = sizes.clone();
    this.methodIds = List.copyOf(methodIds);
    this.cpuSplit = cpuSplit;
    // Archaius reads its table layout through its own configuration; the SDK v1's default chain
    // reads the secret key from aws.secretKey (v2: aws.secretAccessKey).
    ConfigurationManager.getConfigInstance()
        .setProperty("com.netflix.config.dynamo.keyAttributeName", "Parameter");
    ConfigurationManager.getConfigInstance()
        .setProperty("com.netflix.config.dynamo.valueAttributeName", "Value");
    System.setProperty("aws.secretKey", LocalDynamoDb.SECRET_ACCESS_KEY);
  }

  /** A way to load a table; returns the number of settings it read. */
  private interface Method {
    int load(String table, List<String> keys);
  }

  /** {@code logged}: with the library's logger at INFO during the load. */
  private record Named(String name, Method method, boolean slow, boolean logged) {
    Named(String name, Method method, boolean slow) {
      this(name, method, slow, false);
    }
  }

  /**
   * One method at one size: wall and CPU time per load, requests per load; with the CPU split, the
   * mean CPU milliseconds per load of each {@link ThreadCpu.Kind} (else empty).
   */
  record Measured(Stats wall, Stats cpu, int requests, double[] cpuByKind) {}

  /** {@code -Dbench.sizes}: the table sizes of the load part, {@link #SIZES} by default. */
  static int[] sizes() {
    String sizes = System.getProperty("bench.sizes", "");
    return sizes.isBlank()
        ? SIZES.clone()
        : Arrays.stream(sizes.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
  }

  /** {@code -Dbench.methods}: the ids of the methods measured, {@link #DEFAULT_METHODS} default. */
  static List<String> methodIds() {
    return list("bench.methods", DEFAULT_METHODS);
  }

  /** {@code -Dbench.blocks}: how many times the load part runs against one engine (1). */
  static int blocks() {
    int blocks = Integer.parseInt(System.getProperty("bench.blocks", "1").trim());
    if (blocks < 1) {
      throw new IllegalArgumentException("bench.blocks must be 1 or more, not " + blocks);
    }
    return blocks;
  }

  /** {@code -Dbench.cpuSplit=on}: the CPU time per kind of thread, in a table of its own. */
  static boolean cpuSplit() {
    return System.getProperty("bench.cpuSplit", "off").trim().equals("on");
  }

  private static List<String> list(String property, List<String> defaults) {
    String value = System.getProperty(property, "");
    return value.isBlank()
        ? defaults
        : Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  /** Results of one size, per method. */
  record SizeResult(int size, long tableBytes, Map<String, Measured> methods) {}

  List<SizeResult> run() {
    List<SizeResult> results = new ArrayList<>();
    for (int size : sizes) {
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
    Map<String, Named> byId =
        Map.of(
            "source",
            new Named(SOURCE, (t, k) -> source(t, List.of()), false),
            "source-logged",
            new Named(SOURCE_LOGGED, (t, k) -> source(t, List.of()), false, true),
            "keys",
            new Named(SOURCE_KEYS, this::source, false),
            "raw",
            new Named(RAW_SCAN, (t, k) -> rawScan(t, false), false),
            "projected",
            new Named(RAW_SCAN_PROJECTED, (t, k) -> rawScan(t, true), false),
            "archaius",
            new Named(ARCHAIUS, (t, k) -> archaius(t), false),
            "getitem",
            new Named(GET_ITEM, this::getItemPerKey, size >= 1_000),
            "batchget",
            new Named(BATCH_GET, this::batchGet, false));
    List<Named> methods = methodIds.stream().map(byId::get).toList();
    Map<String, List<Long>> wall = new LinkedHashMap<>();
    Map<String, List<Long>> cpu = new LinkedHashMap<>();
    Map<String, long[]> cpuByKind = new LinkedHashMap<>();
    Map<String, Integer> requests = new LinkedHashMap<>();
    for (Named named : methods) {
      wall.put(named.name(), new ArrayList<>());
      cpu.put(named.name(), new ArrayList<>());
      cpuByKind.put(named.name(), new long[ThreadCpu.Kind.values().length]);
      for (int i = 0; i < (named.slow() ? SLOW_WARM_UP : WARM_UP); i++) {
        check(named, load(named, table, keys), size);
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
        Level level = named.logged() ? logAtInfo() : null;
        // The live threads' CPU to the nanosecond; the JVM's process CPU time counts in 10 ms
        // ticks, as long as a small load. A thread that ends within the load is not counted.
        long[] kindsStart = cpuSplit ? ThreadCpu.sample() : null;
        long cpuStart = cpuSplit ? sum(kindsStart) : Marker.processCpuNanos();
        long start = System.nanoTime();
        int loaded = named.method().load(table, keys);
        long elapsed = System.nanoTime() - start;
        long[] kindsEnd = cpuSplit ? ThreadCpu.sample() : null;
        long cpuElapsed = (cpuSplit ? sum(kindsEnd) : Marker.processCpuNanos()) - cpuStart;
        if (named.logged()) {
          SOURCE_LOGGER.setLevel(level);
        }
        check(named, loaded, size);
        wall.get(named.name()).add(elapsed);
        cpu.get(named.name()).add(cpuElapsed);
        if (cpuSplit) {
          long[] totals = cpuByKind.get(named.name());
          for (int kind = 0; kind < totals.length; kind++) {
            totals[kind] += kindsEnd[kind] - kindsStart[kind];
          }
        }
        requests.put(named.name(), RequestCounter.requests().size() + archaiusRequests.get());
      }
    }
    System.err.printf(Locale.ROOT, "load: %,d items done%n", size);
    Map<String, Measured> measured = new LinkedHashMap<>();
    for (Named named : methods) {
      int runs = wall.get(named.name()).size();
      double[] means =
          cpuSplit
              ? Arrays.stream(cpuByKind.get(named.name()))
                  .mapToDouble(n -> n / 1e6 / runs)
                  .toArray()
              : new double[0];
      measured.put(
          named.name(),
          new Measured(
              Stats.of(wall.get(named.name())),
              Stats.of(cpu.get(named.name())),
              requests.get(named.name()),
              means));
    }
    return new SizeResult(size, bytes, measured);
  }

  /** One load of {@code named}, with the library's logger at INFO if it is a logged one. */
  private int load(Named named, String table, List<String> keys) {
    if (!named.logged()) {
      return named.method().load(table, keys);
    }
    Level level = logAtInfo();
    try {
      return named.method().load(table, keys);
    } finally {
      SOURCE_LOGGER.setLevel(level);
    }
  }

  /** Sets the library's logger to INFO; returns the level it had. */
  private static Level logAtInfo() {
    Level level = SOURCE_LOGGER.getLevel();
    SOURCE_LOGGER.setLevel(Level.INFO);
    return level;
  }

  private static long sum(long[] nanos) {
    return Arrays.stream(nanos).sum();
  }

  /**
   * With {@code -Dbench.cpuSplit=on}: the mean CPU time per load of each kind of thread, and the
   * measuring thread's CPU over the raw Scan's per item (the client's own work, without GC and
   * JIT).
   */
  static String cpuTable(List<SizeResult> results) {
    List<String> columns = new ArrayList<>(List.of("N items", "method", "CPU mean ms"));
    for (ThreadCpu.Kind kind : ThreadCpu.Kind.values()) {
      columns.add(kind.label() + ", mean ms");
    }
    columns.add("measuring thread over raw Scan, µs/item");
    columns.add("all threads over raw Scan, µs/item");
    var table = new MarkdownTable(columns.toArray(String[]::new));
    for (SizeResult result : results) {
      double[] raw = result.methods().get(RAW_SCAN).cpuByKind();
      result
          .methods()
          .forEach(
              (name, measured) -> {
                double[] kinds = measured.cpuByKind();
                List<Object> row = new ArrayList<>();
                row.add(String.format(Locale.ROOT, "%,d", result.size()));
                row.add(name);
                row.add(Stats.ms(Arrays.stream(kinds).sum()));
                for (double kind : kinds) {
                  row.add(Stats.ms(kind));
                }
                int measuring = ThreadCpu.Kind.MEASURING.ordinal();
                row.add(perItem(kinds[measuring] - raw[measuring], result.size()));
                row.add(
                    perItem(Arrays.stream(kinds).sum() - Arrays.stream(raw).sum(), result.size()));
                table.row(row.toArray());
              });
    }
    return table.toString();
  }

  private static String perItem(double millis, int size) {
    return String.format(Locale.ROOT, "%+.2f", millis * 1000 / size);
  }

  private static void check(Named named, int loaded, int size) {
    if (loaded != size) {
      throw new IllegalStateException(named.name() + " loaded " + loaded + " of " + size);
    }
  }

  int source(String table, List<String> keys) {
    System.setProperty("dynamodb.config.table", table);
    System.setProperty("dynamodb.config.endpoint", endpoint.toString());
    System.setProperty("dynamodb.config.region", LocalDynamoDb.REGION.id());
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
        .region(LocalDynamoDb.REGION)
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
