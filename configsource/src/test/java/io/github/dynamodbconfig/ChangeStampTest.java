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
package io.github.dynamodbconfig;

import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.Await;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The change stamp: an unchanged table costs a refresh one small read, and no half change. */
@ExtendWith(LocalDynamoDbExtension.class)
class ChangeStampTest {

  private final LocalDynamoDb engine;

  ChangeStampTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  private ConfigTable writer(String table) {
    return ConfigTable.fromSettings(
        Map.of(
            "dynamodb.config.table", table,
            "dynamodb.config.endpoint", engine.endpoint().toString(),
            "dynamodb.config.region", LocalDynamoDb.REGION.id()));
  }

  private void stamp(String table, String state, Instant since) {
    engine.putItems(
        table,
        List.of(
            Map.of(
                "Parameter", s(ChangeStamp.KEY),
                "Version", AttributeValue.fromN("7"),
                "State", s(state),
                "Since", AttributeValue.fromN(Long.toString(since.toEpochMilli())))));
  }

  @Test
  void unchangedStampedTable_isRefreshedWithOneSmallRead_andTheStampIsNoProperty()
      throws InterruptedException {
    String table = "stamp-a-config";
    engine.createConfigTable(table);
    engine.put(table, "db_host", s("db.internal"));
    try (DynamoDbClient client = engine.newClient()) {
      writer(table).markChange(client, false);
    }
    RequestCounter.reset();
    try (DynamoDbConfigSource source =
        Sources.create(LocalSettings.of(engine, "table", table, "refresh-interval", "30ms"))) {
      assertThat(source.getPropertyNames()).containsExactly("db_host");
      Await.within(Duration.ofSeconds(30), () -> RequestCounter.count("GetItem", table) >= 12);

      // The start-up Scan, and one full read by the first refresh; then the stamp only.
      assertThat(RequestCounter.count("Scan", table)).isEqualTo(2);
      assertThat(source.getValue("db_host")).isEqualTo("db.internal");

      try (DynamoDbClient client = engine.newClient()) {
        engine.put(table, "db_host", s("db2.internal"));
        writer(table).markChange(client, false);
      }
      Await.within(Duration.ofSeconds(30), () -> "db2.internal".equals(source.getValue("db_host")));
    }
  }

  @Test
  void tableWithoutAStamp_isRefreshedAsAlways_withoutAnyStampRead() throws InterruptedException {
    String table = "stamp-b-config";
    engine.createConfigTable(table);
    engine.put(table, "db_host", s("db.internal"));
    RequestCounter.reset();
    try (DynamoDbConfigSource source =
        Sources.create(LocalSettings.of(engine, "table", table, "refresh-interval", "30ms"))) {
      Await.within(Duration.ofSeconds(30), () -> RequestCounter.count("Scan", table) >= 6);
      assertThat(RequestCounter.count("GetItem", table)).isZero();
      assertThat(source.getValue("db_host")).isEqualTo("db.internal");
    }
  }

  @Test
  void writerThatDoesNotKeepTheStamp_isSeenWithinTheFullInterval() throws InterruptedException {
    String table = "stamp-c-config";
    engine.createConfigTable(table);
    engine.put(table, "db_host", s("db.internal"));
    stamp(table, ChangeStamp.DONE, Instant.now());
    try (DynamoDbConfigSource source =
        Sources.create(
            LocalSettings.of(
                engine,
                "table",
                table,
                "refresh-interval",
                "30ms",
                "refresh-full-interval",
                "400ms"))) {
      Thread.sleep(200); // the first refresh reads in full; later ones the stamp only
      engine.put(table, "db_host", s("by.hand"));
      long changed = System.nanoTime();
      Await.within(Duration.ofSeconds(30), () -> "by.hand".equals(source.getValue("db_host")));
      assertThat((System.nanoTime() - changed) / 1_000_000).isLessThan(2_000);
    }
  }

  @Test
  void changeInProgressAtStartUp_isWaitedOutWithinTheTimeout_thenLoadedWithAWarning() {
    String table = "stamp-d-config";
    engine.createConfigTable(table);
    engine.put(table, "db_host", s("db.internal"));
    stamp(table, ChangeStamp.WRITING, Instant.now());
    try (LogCapture log = LogCapture.start()) {
      long start = System.nanoTime();
      try (DynamoDbConfigSource source =
          Sources.create(LocalSettings.of(engine, "table", table, "timeout", "1s"))) {
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(800L, 5_000L);
        assertThat(source.getValue("db_host")).isEqualTo("db.internal");
      }
      assertThat(log.messages(Level.WARNING))
          .containsExactly(
              "DDBCFG-0501 DynamoDB table '"
                  + table
                  + "' was being changed (its change stamp is"
                  + " in progress) until the end of dynamodb.config.timeout=PT1S; loaded as it was"
                  + " read, and read again in full at the first refresh");
    }
  }

  @Test
  void stampLeftInProgressByAWriterThatDied_doesNotBlockTheStartUp() {
    String table = "stamp-e-config";
    engine.createConfigTable(table);
    engine.put(table, "db_host", s("db.internal"));
    stamp(table, ChangeStamp.WRITING, Instant.now().minusSeconds(3_600));
    try (LogCapture log = LogCapture.start();
        DynamoDbConfigSource source = Sources.create(LocalSettings.of(engine, "table", table))) {
      assertThat(source.getValue("db_host")).isEqualTo("db.internal");
      assertThat(log.messages(Level.WARNING))
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m)
                      .startsWith("DDBCFG-0502 The change stamp of DynamoDB table '" + table + "'")
                      .endsWith(
                          ", longer than dynamodb.config.refresh-full-interval=PT15M: its writer"
                              + " is taken as gone, and the table is read as it is"));
    }
  }

  /**
   * 20 changes of 25 items each (500 writes), each marked in progress then done, while the source
   * refreshes every 5 ms and readers take its properties: every view is of one change, whole.
   */
  @Test
  void fiveHundredChangesInBatches_whileRefreshing_readersSeeWholeChangesOnly() throws Exception {
    String table = "stamp-f-config";
    engine.createConfigTable(table);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      keys.add(String.format("setting.%02d", i));
    }
    ConfigTable writer = writer(table);
    try (DynamoDbClient client = engine.newClient()) {
      write(client, table, keys, 0);
      writer.markChange(client, false);
    }
    Set<String> seen = new HashSet<>();
    AtomicReference<String> torn = new AtomicReference<>();
    AtomicBoolean done = new AtomicBoolean();
    try (DynamoDbConfigSource source =
        Sources.create(LocalSettings.of(engine, "table", table, "refresh-interval", "5ms"))) {
      Thread reader =
          new Thread(
              () -> {
                while (!done.get()) {
                  Set<String> values = new HashSet<>(source.getProperties().values());
                  if (values.size() != 1) {
                    torn.compareAndSet(null, values.size() + " generations in one view");
                  }
                  synchronized (seen) {
                    seen.addAll(values);
                  }
                  Thread.onSpinWait();
                }
              });
      reader.start();
      try (DynamoDbClient client = engine.newClient()) {
        for (int generation = 1; generation <= 20; generation++) {
          writer.markChange(client, true);
          write(client, table, keys.subList(0, 12), generation);
          Thread.sleep(20); // refreshes run in the middle of the change
          write(client, table, keys.subList(12, 25), generation);
          writer.markChange(client, false);
          Thread.sleep(60); // and after it
        }
      }
      Await.within(
          Duration.ofSeconds(30),
          () ->
              source.getValue("setting.00") != null
                  && source.getValue("setting.00").equals("generation 20"));
      done.set(true);
      reader.join();
    }
    assertThat(torn.get()).as("a view mixing two changes").isNull();
    synchronized (seen) {
      // Most changes were published while the reader looked (not all: a refresh may fall
      // between two changes' marks only).
      assertThat(seen).contains("generation 20").hasSizeGreaterThan(5);
    }
  }

  @Test
  void firstStampedChange_ofATableThatHadNoStamp_isNotPublishedHalfWritten()
      throws InterruptedException {
    String table = "stamp-g-config";
    engine.createConfigTable(table);
    List<String> keys = List.of("a.one", "a.two");
    try (DynamoDbClient client = engine.newClient()) {
      write(client, table, keys, 0);
    }
    RequestCounter.reset();
    try (DynamoDbConfigSource source =
            Sources.create(LocalSettings.of(engine, "table", table, "refresh-interval", "20ms"));
        DynamoDbClient client = engine.newClient()) {
      writer(table).markChange(client, true); // the table's first stamp, in progress
      write(client, table, keys.subList(0, 1), 1);
      // The Scan that first sees the stamp publishes nothing; later rounds read the stamp only.
      Await.within(Duration.ofSeconds(30), () -> RequestCounter.count("GetItem", table) >= 3);
      assertThat(source.getValue("a.one")).isEqualTo("generation 0");

      write(client, table, keys.subList(1, 2), 1);
      writer(table).markChange(client, false);
      Await.within(Duration.ofSeconds(30), () -> "generation 1".equals(source.getValue("a.one")));
      assertThat(source.getValue("a.two")).isEqualTo("generation 1");
    }
  }

  private void write(DynamoDbClient client, String table, List<String> keys, int generation) {
    List<WriteRequest> requests =
        keys.stream()
            .map(
                key ->
                    WriteRequest.builder()
                        .putRequest(
                            p ->
                                p.item(
                                    Map.of(
                                        "Parameter", s(key),
                                        "Value", s("generation " + generation))))
                        .build())
            .toList();
    client.batchWriteItem(r -> r.requestItems(Map.of(table, requests)));
  }
}
