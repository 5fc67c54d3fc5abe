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
import io.github.dynamodbconfig.DynamoDbConfigSource;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Part 8, a fleet in one JVM: {@value #SOURCES} sources refreshing one unchanged table of about 10
 * KB against the local DynamoDB engine, every {@value #INTERVAL_SECONDS} s for {@value
 * #RUN_SECONDS} s. Jittered (the library) against lockstep (as many plain SDK clients scanning at
 * the same fixed period, started together: what a refresh without jitter does); a stamped table
 * against one without a stamp. Then the model for 10,000 instances, its formulas checked against
 * the run.
 */
final class FleetSimulation {

  static final int SOURCES = 200;
  static final int INTERVAL_SECONDS = 4;
  static final int RUN_SECONDS = 24;

  /** Counted from here on: every source has made its first refresh (a full read) by then. */
  static final int FROM_SECOND = 2 * INTERVAL_SECONDS;

  static final int COUNTED_SECONDS = RUN_SECONDS - FROM_SECOND;

  /** Read units, measured in part 7 for a table of 140 settings (10 KB), strong reads. */
  static final double SCAN_UNITS = 3;

  static final double STAMP_UNITS = 1;

  private final LocalDynamoDb engine;

  FleetSimulation(LocalDynamoDb engine) {
    this.engine = engine;
  }

  /** What one run saw: requests by operation, and the busiest second. */
  record Run(String name, long scans, long stampReads, int peakPerSecond, double meanPerSecond) {

    double unitsPerHour() {
      double hours = COUNTED_SECONDS / 3600.0;
      return (scans * SCAN_UNITS + stampReads * STAMP_UNITS) / hours;
    }

    double requestsPerHour() {
      return (scans + stampReads) / (COUNTED_SECONDS / 3600.0);
    }
  }

  String run() throws InterruptedException {
    String plain = table("fleet-plain-config", false);
    String stamped = table("fleet-stamped-config", true);
    List<Run> runs = new ArrayList<>();
    runs.add(sources("jittered refresh, no stamp (the library)", plain));
    runs.add(lockstep("lockstep, no stamp (no jitter)", plain));
    runs.add(sources("jittered refresh, with the stamp (the library)", stamped));
    var measured =
        new MarkdownTable(
            "run",
            "Scan",
            "stamp GetItem",
            "peak req/s",
            "mean req/s",
            "peak / mean",
            "requests per hour",
            "read units per hour");
    for (Run run : runs) {
      measured.row(
          run.name(),
          run.scans(),
          run.stampReads(),
          run.peakPerSecond(),
          String.format(Locale.ROOT, "%.1f", run.meanPerSecond()),
          String.format(Locale.ROOT, "%.2f", run.peakPerSecond() / run.meanPerSecond()),
          String.format(Locale.ROOT, "%,.0f", run.requestsPerHour()),
          String.format(Locale.ROOT, "%,.0f", run.unitsPerHour()));
    }
    // The model, per instance and hour: 3600 / interval refreshes; without the stamp each is a
    // Scan; with it each is a stamp GetItem, and once per refresh-full-interval (15 min) a full
    // read adds a Scan and a second stamp read. The run is shorter than 15 min and counted after
    // the first refreshes: it has no full read, the model's second term is 2 % of the first.
    double refreshes = 3600.0 / INTERVAL_SECONDS;
    double modelPlain = SOURCES * refreshes * SCAN_UNITS;
    double modelStamped = SOURCES * (refreshes * STAMP_UNITS + 4 * (SCAN_UNITS + STAMP_UNITS));
    var model =
        new MarkdownTable(
            "model",
            "read units per hour, 200 sources",
            "measured",
            "10,000 instances",
            "units/s at 10,000");
    model.row(
        "no stamp: instances × 3600/interval × 3 units",
        String.format(Locale.ROOT, "%,.0f", modelPlain),
        String.format(Locale.ROOT, "%,.0f", runs.get(0).unitsPerHour()),
        String.format(Locale.ROOT, "%,.0f", modelPlain * 50),
        String.format(Locale.ROOT, "%,.0f", modelPlain * 50 / 3600));
    model.row(
        "stamp: instances × (3600/interval × 1 unit + 4 full reads × (3 + 1) units)",
        String.format(Locale.ROOT, "%,.0f", modelStamped),
        String.format(Locale.ROOT, "%,.0f", runs.get(2).unitsPerHour()),
        String.format(Locale.ROOT, "%,.0f", modelStamped * 50),
        String.format(Locale.ROOT, "%,.0f", modelStamped * 50 / 3600));
    return measured + "\n" + model;
  }

  private String table(String name, boolean stamp) {
    engine.createConfigTable(name);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (String key : EngineProcess.keys(140)) {
      items.add(
          Map.of(
              "Parameter", AttributeValue.fromS(key),
              "Value", AttributeValue.fromS(EngineProcess.value(key))));
    }
    engine.putItems(name, items);
    if (stamp) {
      ConfigTable table =
          ConfigTable.fromSettings(
              Map.of(
                  "dynamodb.config.table", name,
                  "dynamodb.config.endpoint", engine.endpoint().toString(),
                  "dynamodb.config.region", LocalDynamoDb.REGION.id()));
      try (DynamoDbClient client = engine.newClient()) {
        table.markChange(client, false);
      }
    }
    return name;
  }

  private Run sources(String name, String table) throws InterruptedException {
    System.setProperty("dynamodb.config.table", table);
    System.setProperty("dynamodb.config.endpoint", engine.endpoint().toString());
    System.setProperty("dynamodb.config.region", LocalDynamoDb.REGION.id());
    System.setProperty("dynamodb.config.refresh-interval", INTERVAL_SECONDS + "s");
    List<DynamoDbConfigSource> fleet = new ArrayList<>();
    try {
      for (int i = 0; i < SOURCES; i++) {
        fleet.add(new DynamoDbConfigSource());
      }
      RequestCounter.reset();
      long start = System.nanoTime();
      Thread.sleep(RUN_SECONDS * 1000L);
      return observed(name, table, start);
    } finally {
      fleet.forEach(DynamoDbConfigSource::close);
      for (String key : List.of("table", "endpoint", "region", "refresh-interval")) {
        System.clearProperty("dynamodb.config." + key);
      }
    }
  }

  private Run lockstep(String name, String table) throws InterruptedException {
    List<DynamoDbClient> clients = new ArrayList<>();
    for (int i = 0; i < SOURCES; i++) {
      clients.add(engine.newClient());
    }
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(8);
    try {
      RequestCounter.reset();
      long start = System.nanoTime();
      for (DynamoDbClient client : clients) {
        timer.scheduleWithFixedDelay(
            () -> client.scan(r -> r.tableName(table).consistentRead(true)),
            INTERVAL_SECONDS,
            INTERVAL_SECONDS,
            TimeUnit.SECONDS);
      }
      Thread.sleep(RUN_SECONDS * 1000L);
      return observed(name, table, start);
    } finally {
      timer.shutdownNow();
      timer.awaitTermination(10, TimeUnit.SECONDS);
      clients.forEach(DynamoDbClient::close);
    }
  }

  private static Run observed(String name, String table, long start) {
    int[] perSecond = new int[RUN_SECONDS + 1];
    long scans = 0;
    long stamps = 0;
    for (RequestCounter.Request request : RequestCounter.requests()) {
      if (!request.table().equals(table)) {
        continue;
      }
      int second = (int) ((request.nanoTime() - start) / 1_000_000_000L);
      if (second < FROM_SECOND || second >= RUN_SECONDS) {
        continue;
      }
      perSecond[second]++;
      if (request.operation().equals("Scan")) {
        scans++;
      } else if (request.operation().equals("GetItem")) {
        stamps++;
      }
    }
    int peak = 0;
    for (int count : perSecond) {
      peak = Math.max(peak, count);
    }
    return new Run(name, scans, stamps, peak, (scans + stamps) / (double) COUNTED_SECONDS);
  }
}
