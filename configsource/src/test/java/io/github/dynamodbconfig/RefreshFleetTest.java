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

import static io.github.dynamodbconfig.testkit.Items.m;
import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.Await;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.RequestCounter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Refresh as a fleet needs it: never in lockstep, never an emptied application. */
@ExtendWith(LocalDynamoDbExtension.class)
class RefreshFleetTest {

  private static final long INTERVAL_MILLIS = 2_000;

  private final LocalDynamoDb engine;

  RefreshFleetTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @Test
  void fiftySourcesStartedTogether_spreadTheirFirstRefreshOverTheInterval()
      throws InterruptedException {
    List<String> tables = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String table = String.format("fleet-%02d-config", i);
      engine.createConfigTable(table);
      engine.put(table, "db_host", s("db.internal"));
      tables.add(table);
    }
    RequestCounter.reset();
    List<DynamoDbConfigSource> sources = new ArrayList<>();
    try {
      for (String table : tables) {
        sources.add(
            Sources.create(
                LocalSettings.of(
                    engine, "table", table, "refresh-interval", INTERVAL_MILLIS + "ms")));
      }
      // Each table's first Scan is its source's start-up load, the second its first refresh.
      Await.until(() -> tables.stream().allMatch(t -> RequestCounter.count("Scan", t) >= 2));
    } finally {
      sources.forEach(DynamoDbConfigSource::close);
    }
    List<Double> delays = new ArrayList<>();
    for (String table : tables) {
      List<Long> scans =
          RequestCounter.requests().stream()
              .filter(r -> r.table().equals(table) && r.operation().equals("Scan"))
              .map(RequestCounter.Request::nanoTime)
              .toList();
      delays.add((scans.get(1) - scans.get(0)) / 1e6 / INTERVAL_MILLIS);
    }
    double earliest = delays.stream().mapToDouble(d -> d).min().getAsDouble();
    double latest = delays.stream().mapToDouble(d -> d).max().getAsDouble();
    assertThat(latest - earliest)
        .as("spread of the first refreshes, %.3f to %.3f intervals", earliest, latest)
        .isGreaterThanOrEqualTo(0.8);
    assertThat(latest).isLessThan(1.1);
  }

  @Test
  void emptiedTable_neverEmptiesTheApplication_andItsItemsAreReadWhenBack()
      throws InterruptedException {
    String table = "emptied-config";
    engine.createConfigTable(table);
    // One item of two properties: one delete empties the table at once.
    engine.put(table, "db", m(Map.of("host", s("db.internal"), "name", s("orders"))));
    try (LogCapture log = LogCapture.start();
        DynamoDbConfigSource source =
            Sources.create(LocalSettings.of(engine, "table", table, "refresh-interval", "50ms"))) {
      SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(source).build();
      RequestCounter.reset();

      engine.client().deleteItem(r -> r.tableName(table).key(Map.of("Parameter", s("db"))));
      Await.until(() -> RequestCounter.count("Scan", table) >= 5);

      assertThat(config.getOptionalValue("db.host", String.class)).hasValue("db.internal");
      assertThat(config.getOptionalValue("db.name", String.class)).hasValue("orders");
      assertThat(log.messages(Level.WARNING))
          .containsExactly(
              "DDBCFG-0605 Refresh of DynamoDB table '"
                  + table
                  + "' found no property; the source keeps"
                  + " its last 2 properties (a refresh never empties a running application) until"
                  + " the table has items again");

      engine.put(table, "db_host", s("db2.internal"));
      Await.until(
          () -> "db2.internal".equals(config.getOptionalValue("db_host", String.class).orElse("")));
      assertThat(config.getOptionalValue("db_name", String.class)).isEmpty();
      assertThat(log.messages(Level.INFO))
          .anySatisfy(
              m ->
                  assertThat(m)
                      .startsWith("DDBCFG-0607 Refresh of DynamoDB table '" + table + "'")
                      .contains("found properties again after"));
    }
  }
}
