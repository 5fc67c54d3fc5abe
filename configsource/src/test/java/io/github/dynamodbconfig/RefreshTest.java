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

import io.github.dynamodbconfig.testkit.DynamoDbLocal;
import io.github.dynamodbconfig.testkit.DynamoDbLocalExtension;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Design 3.6: periodic refresh swaps the snapshot on success and keeps it on failure. */
@ExtendWith(DynamoDbLocalExtension.class)
class RefreshTest {

  private static final String TABLE = "refresh-config";

  private final DynamoDbLocal engine;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger(DynamoDbConfigSource.class.getName());
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  RefreshTest(DynamoDbLocal engine) {
    this.engine = engine;
  }

  @BeforeEach
  void table() {
    engine.createConfigTable(TABLE);
    engine.putItems(TABLE, ExampleTable.items());
    logger.addHandler(handler);
    RequestCounter.reset();
  }

  @AfterEach
  void removeHandler() {
    logger.removeHandler(handler);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition reached within 20 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private List<String> messages(Level level) {
    return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
  }

  @Test
  void refresh_swapsInChangedValues_andLogsTheirNamesOnly() throws InterruptedException {
    try (var source =
        new DynamoDbConfigSource(
            LocalSettings.of(engine, "table", TABLE, "refresh-interval", "100ms"))) {
      assertThat(source.getValue("db_host")).isEqualTo("my.test.server");

      engine.put(TABLE, "db_host", s("new.server"));
      engine.put(TABLE, "db_pass", s("rotated-password"));
      engine.put(TABLE, "added", s("yes"));

      await(() -> "yes".equals(source.getValue("added")));
      assertThat(source.getValue("db_host")).isEqualTo("new.server");
      assertThat(source.getValue("db_pass")).isEqualTo("rotated-password");
      assertThat(source.getPropertyNames()).contains("added");
      await(
          () ->
              !messages(Level.INFO).stream()
                  .filter(m -> m.startsWith("Refreshed"))
                  .toList()
                  .isEmpty());
      assertThat(messages(Level.INFO))
          .contains(
              "Refreshed DynamoDB table 'refresh-config': 3 properties changed: added, db_host,"
                  + " db_pass");
      assertThat(records)
          .extracting(LogRecord::getMessage)
          .noneMatch(m -> m.contains("rotated-password") || m.contains("my_password"));
    }
  }

  @Test
  void failedRefresh_keepsTheLastGoodValues_andWarns() throws InterruptedException {
    try (var source =
        new DynamoDbConfigSource(
            LocalSettings.of(engine, "table", TABLE, "refresh-interval", "100ms"))) {
      engine.deleteTable(TABLE);

      await(() -> !messages(Level.WARNING).isEmpty());
      assertThat(messages(Level.WARNING).get(0))
          .startsWith(
              "Refresh of DynamoDB table 'refresh-config' failed; the source keeps its last"
                  + " loaded values: DynamoDB table 'refresh-config' in region us-east-1 was not"
                  + " found");
      assertThat(source.getValue("db_host")).isEqualTo("my.test.server");
      assertThat(source.getPropertyNames()).hasSize(6);
    }
  }

  @Test
  void close_stopsTheRefreshThread() throws InterruptedException {
    var source =
        new DynamoDbConfigSource(
            LocalSettings.of(engine, "table", TABLE, "refresh-interval", "100ms"));
    await(() -> RequestCounter.count("Scan", TABLE) >= 2);
    assertThat(refreshThreads()).isEqualTo(1);

    source.close();

    await(() -> refreshThreads() == 0);
    long scans = RequestCounter.count("Scan", TABLE);
    Thread.sleep(300);
    assertThat(RequestCounter.count("Scan", TABLE)).isEqualTo(scans);
    assertThat(source.getValue("db_port")).isEqualTo("5432");
  }

  @Test
  void noRefreshInterval_startsNoThread() {
    try (var source = new DynamoDbConfigSource(LocalSettings.of(engine, "table", TABLE))) {
      assertThat(source.getValue("db_port")).isEqualTo("5432");
      assertThat(refreshThreads()).isZero();
    }
  }

  private static long refreshThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals("dynamodb-config-refresh-" + TABLE))
        .count();
  }
}
