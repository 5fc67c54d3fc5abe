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
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A change in the table reaches the listeners of its source, and of its Config, by name only. */
@ExtendWith(LocalDynamoDbExtension.class)
class ChangeListenerTest {

  private static final String TABLE = "listened-config";

  private final LocalDynamoDb engine;
  private LogCapture log;

  ChangeListenerTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void table() {
    engine.createConfigTable(TABLE);
    engine.putItems(TABLE, ExampleTable.items());
    log = LogCapture.start();
  }

  @AfterEach
  void stopCapture() {
    log.close();
  }

  private Settings refreshing(String table) {
    return LocalSettings.of(engine, "table", table, "refresh-interval", "100ms");
  }

  @Test
  void aRefreshThatChangedTheTable_tellsTheListener_theNamesAddedChangedAndRemoved()
      throws InterruptedException {
    List<DynamoDbConfigChanged> seen = new ArrayList<>();
    try (DynamoDbConfigSource source = Sources.create(refreshing(TABLE));
        var registration = source.addChangeListener(record(seen))) {
      engine.put(TABLE, "db_host", s("new.server"));
      engine.put(TABLE, "db_pass", s("rotated-pw-5e1d-DO-NOT-LOG"));
      engine.put(TABLE, "feature_x", s("on"));
      delete(TABLE, "debug");

      Await.until(
          () -> source.getProperties().size() == 6 && "on".equals(source.getValue("feature_x")));
      Await.until(() -> names(seen).contains("debug"));
    }

    DynamoDbConfigChanged all = merged(seen);
    assertThat(all.table()).isEqualTo(TABLE);
    assertThat(all.role()).isEmpty();
    assertThat(all.added()).containsExactly("feature_x");
    assertThat(all.changed()).containsExactly("db_host", "db_pass");
    assertThat(all.removed()).containsExactly("debug");
    assertThat(all.version()).as("a table without a change stamp").isEmpty();
    assertThat(seen.toString()).doesNotContain("rotated-pw", "new.server");
  }

  @Test
  void aChangeMadeWithTheStamp_carriesItsVersion_inTheEventAndTheLogLines()
      throws InterruptedException {
    ConfigTable writer =
        ConfigTable.fromSettings(
            Map.of(
                "dynamodb.config.table", TABLE,
                "dynamodb.config.endpoint", engine.endpoint().toString(),
                "dynamodb.config.region", LocalDynamoDb.REGION.id()));
    List<DynamoDbConfigChanged> seen = new ArrayList<>();
    try (DynamoDbClient client = engine.newClient()) {
      writer.markChange(client, true);
      writer.markChange(client, false);
      try (DynamoDbConfigSource source = Sources.create(refreshing(TABLE));
          var registration = source.addChangeListener(record(seen))) {
        writer.markChange(client, true);
        engine.put(TABLE, "db_host", s("stamped.server"));
        writer.markChange(client, false);
        Await.until(() -> !names(seen).isEmpty());
      }
    }

    assertThat(seen).singleElement().satisfies(c -> assertThat(c.version()).hasValue(4));
    assertThat(log.messages(Level.INFO))
        .anyMatch(line -> line.startsWith("DDBCFG-0301 ") && line.endsWith(" ms, version 2"))
        .anyMatch(
            line ->
                line.equals(
                    "DDBCFG-0601 Refreshed DynamoDB table '"
                        + TABLE
                        + "': 1 property changed: db_host; serves version 4"));
  }

  @Test
  void aTableWithoutAStamp_saysWhenItWasRead_inTheStartUpLine() {
    try (DynamoDbConfigSource source = Sources.create(LocalSettings.of(engine, "table", TABLE))) {
      assertThat(source.getValue("db_port")).isEqualTo("5432");
    }
    assertThat(log.messages(Level.INFO))
        .singleElement()
        .asString()
        .matches("DDBCFG-0301 .* ms, as read at 20\\d\\d-\\d\\d-\\d\\dT[0-9:.]+Z");
  }

  @Test
  void aListenerThatBlocks_neverHoldsUpTheRefresh() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    try (DynamoDbConfigSource source = Sources.create(refreshing(TABLE));
        var registration =
            source.addChangeListener(
                change -> {
                  try {
                    release.await(20, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                })) {
      engine.put(TABLE, "db_host", s("first.server"));
      Await.until(() -> "first.server".equals(source.getValue("db_host")));
      engine.put(TABLE, "db_host", s("second.server"));
      Await.until(() -> "second.server".equals(source.getValue("db_host")));
    } finally {
      release.countDown();
    }
  }

  @Test
  void aListenerOfAConfig_hearsEachOfItsTables_andNotThoseOfAnotherConfig()
      throws InterruptedException {
    engine.createConfigTable("listened-extra-config");
    engine.put("listened-extra-config", "shared_flag", s("off"));
    engine.createConfigTable("listened-other-config");
    engine.put("listened-other-config", "elsewhere", s("1"));
    List<ConfigSource> ours = withExtraTable("listened-extra-config", "100ms");
    List<ConfigSource> theirs = List.of(Sources.create(refreshing("listened-other-config")));
    SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(ours).build();
    SmallRyeConfig other = new SmallRyeConfigBuilder().withSources(theirs).build();
    List<DynamoDbConfigChanged> seen = new ArrayList<>();
    List<DynamoDbConfigChanged> seenByOther = new ArrayList<>();
    try (var registration = DynamoDbConfigSource.addChangeListener(config, record(seen));
        var otherRegistration =
            DynamoDbConfigSource.addChangeListener(other, record(seenByOther))) {
      engine.put(TABLE, "db_port", s("6543"));
      engine.put("listened-extra-config", "shared_flag", s("on"));
      Await.until(() -> names(seen).containsAll(List.of("db_port", "shared_flag")));
      engine.put("listened-other-config", "elsewhere", s("2"));
      Await.until(() -> names(seenByOther).contains("elsewhere"));
      assertThat(config.getValue("db_port", int.class)).isEqualTo(6543);
    } finally {
      ours.forEach(source -> ((DynamoDbConfigSource) source).close());
      theirs.forEach(source -> ((DynamoDbConfigSource) source).close());
    }

    assertThat(seen)
        .extracting(DynamoDbConfigChanged::table)
        .containsExactlyInAnyOrder(TABLE, "listened-extra-config");
    assertThat(names(seen)).doesNotContain("elsewhere");
    assertThat(seenByOther)
        .singleElement()
        .satisfies(c -> assertThat(c.changed()).containsExactly("elsewhere"));
  }

  /** The registered source of {@link #TABLE} and the provider's source of {@code extra}. */
  private List<ConfigSource> withExtraTable(String extra, String refreshInterval) {
    Settings settings =
        LocalSettings.of(
            engine,
            "table",
            TABLE,
            "extra-tables",
            extra + ":150",
            "refresh-interval",
            refreshInterval);
    List<ConfigSource> sources = new ArrayList<>();
    sources.add(Sources.create(settings));
    sources.addAll(DynamoDbConfigSourceProvider.sources(settings));
    return sources;
  }

  private void delete(String table, String key) {
    try (DynamoDbClient client = engine.newClient()) {
      client.deleteItem(b -> b.tableName(table).key(Map.of("Parameter", s(key))));
    }
  }

  @Test
  void aListenerOfAConfig_isCalledOneChangeAtATime_whenTwoOfItsTablesChange()
      throws InterruptedException {
    engine.createConfigTable("listened-second-config");
    engine.put("listened-second-config", "second_flag", s("off"));
    List<ConfigSource> sources = withExtraTable("listened-second-config", "50ms");
    SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(sources).build();
    AtomicInteger inCall = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    List<DynamoDbConfigChanged> seen = new ArrayList<>();
    DynamoDbConfigListener slow =
        change -> {
          mostAtOnce.accumulateAndGet(inCall.incrementAndGet(), Math::max);
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inCall.decrementAndGet();
          synchronized (seen) {
            seen.add(change);
          }
        };
    try (var registration = DynamoDbConfigSource.addChangeListener(config, slow)) {
      engine.put(TABLE, "db_port", s("7654"));
      engine.put("listened-second-config", "second_flag", s("on"));
      Await.until(() -> names(seen).containsAll(List.of("db_port", "second_flag")));
    } finally {
      sources.forEach(source -> ((DynamoDbConfigSource) source).close());
    }

    assertThat(mostAtOnce).hasValue(1);
  }

  private static DynamoDbConfigListener record(List<DynamoDbConfigChanged> seen) {
    return change -> {
      synchronized (seen) {
        seen.add(change);
      }
    };
  }

  private static List<String> names(List<DynamoDbConfigChanged> seen) {
    synchronized (seen) {
      return seen.stream().flatMap(c -> c.names().stream()).toList();
    }
  }

  private static DynamoDbConfigChanged merged(List<DynamoDbConfigChanged> seen) {
    synchronized (seen) {
      return seen.stream().reduce(DynamoDbConfigChanged::then).orElseThrow();
    }
  }
}
