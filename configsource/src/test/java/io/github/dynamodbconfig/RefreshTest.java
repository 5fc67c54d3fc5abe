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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.Await;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.FaultProxy;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Periodic refresh swaps the snapshot on success and keeps it on failure. */
@ExtendWith(LocalDynamoDbExtension.class)
class RefreshTest {

  private static final String TABLE = "refresh-config";

  private final LocalDynamoDb engine;
  private LogCapture log;

  RefreshTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void table() {
    engine.createConfigTable(TABLE);
    engine.putItems(TABLE, ExampleTable.items());
    log = LogCapture.start();
    RequestCounter.reset();
  }

  @AfterEach
  void stopCapture() {
    log.close();
  }

  /** The table read through {@code proxy}, refreshed every 50 ms, with {@code timeout}. */
  private Settings refreshingThrough(FaultProxy proxy, String timeout) {
    return LocalSettings.of(
        engine,
        "table",
        TABLE,
        "endpoint",
        proxy.endpoint().toString(),
        "refresh-interval",
        "50ms",
        "timeout",
        timeout);
  }

  private List<String> messages(Level level) {
    return log.messages(level);
  }

  @Test
  void refresh_swapsInChangedValues_andLogsTheirNamesOnly() throws InterruptedException {
    try (var source =
        Sources.create(LocalSettings.of(engine, "table", TABLE, "refresh-interval", "100ms"))) {
      assertThat(source.getValue("db_host")).isEqualTo("my.test.server");

      engine.put(TABLE, "db_host", s("new.server"));
      engine.put(TABLE, "db_pass", s("rotated-password"));
      engine.put(TABLE, "added", s("yes"));

      Await.until(() -> "yes".equals(source.getValue("added")));
      assertThat(source.getValue("db_host")).isEqualTo("new.server");
      assertThat(source.getValue("db_pass")).isEqualTo("rotated-password");
      assertThat(source.getPropertyNames()).contains("added");
      // The three writes may land in one refresh or be split over two: the names add up.
      Await.until(() -> refreshedNames().size() == 3);
      assertThat(refreshedNames()).containsExactly("added", "db_host", "db_pass");
      assertThat(log.all())
          .noneMatch(m -> m.contains("rotated-password") || m.contains(ExampleTable.DB_PASS));
    }
  }

  @Test
  void failedRefresh_keepsTheLastGoodValues_andWarns() throws InterruptedException {
    try (var source =
        Sources.create(LocalSettings.of(engine, "table", TABLE, "refresh-interval", "100ms"))) {
      engine.deleteTable(TABLE);

      Await.until(() -> !messages(Level.WARNING).isEmpty());
      assertThat(messages(Level.WARNING).get(0))
          .startsWith(
              "DDBCFG-0602 Refresh of DynamoDB table 'refresh-config' failed; the source keeps its last"
                  + " loaded values until a refresh succeeds: DDBCFG-0405 DynamoDB table 'refresh-config' in"
                  + " region us-east-1 was not found");
      assertThat(source.getValue("db_host")).isEqualTo("my.test.server");
      assertThat(source.getPropertyNames()).hasSize(6);
    }
  }

  @Test
  void close_stopsTheRefreshThread() throws InterruptedException {
    var source =
        Sources.create(LocalSettings.of(engine, "table", TABLE, "refresh-interval", "100ms"));
    Await.until(() -> RequestCounter.count("Scan", TABLE) >= 2);
    assertThat(refreshThreads()).isEqualTo(1);

    source.close();

    Await.until(() -> refreshThreads() == 0);
    long scans = RequestCounter.count("Scan", TABLE);
    Thread.sleep(300);
    assertThat(RequestCounter.count("Scan", TABLE)).isEqualTo(scans);
    assertThat(source.getValue("db_port")).isEqualTo("5432");
  }

  @Test
  void sourceNeverClosed_isCollected_andItsRefreshStops() throws InterruptedException {
    WeakReference<DynamoDbConfigSource> forgotten =
        new WeakReference<>(
            Sources.create(LocalSettings.of(engine, "table", TABLE, "refresh-interval", "50ms")));
    Await.until(() -> RequestCounter.count("Scan", TABLE) >= 2);
    assertThat(refreshThreads()).isEqualTo(1);

    Await.until(
        () -> {
          System.gc();
          return forgotten.get() == null && refreshThreads() == 0;
        });
    long scans = RequestCounter.count("Scan", TABLE);
    Thread.sleep(300);
    assertThat(RequestCounter.count("Scan", TABLE)).isEqualTo(scans);
  }

  @Test
  void providerFailingOnALaterTable_closesTheSourcesItMade() throws InterruptedException {
    Settings settings =
        LocalSettings.of(
            engine,
            "extra-tables",
            TABLE + ":260,refresh-missing-config:250",
            "refresh-interval",
            "50ms");

    assertThatThrownBy(() -> DynamoDbConfigSourceProvider.sources(settings))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageContaining("'refresh-missing-config'");

    Await.until(() -> refreshThreads() == 0);
    long scans = RequestCounter.count("Scan", TABLE);
    Thread.sleep(300);
    assertThat(RequestCounter.count("Scan", TABLE)).isEqualTo(scans);
  }

  @Test
  void refreshingSources_addOneRefreshThreadEach_andOneTimerThread_only()
      throws InterruptedException {
    engine.createConfigTable("refresh-other-config");
    engine.put("refresh-other-config", "x", s("1"));
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (var first =
            Sources.create(LocalSettings.of(engine, "table", TABLE, "refresh-interval", "20ms"));
        var second =
            Sources.create(
                LocalSettings.of(
                    engine, "table", "refresh-other-config", "refresh-interval", "20ms"))) {
      Await.until(() -> RequestCounter.count("Scan", "refresh-other-config") >= 12);
      Await.until(() -> RequestCounter.count("Scan", TABLE) >= 12);

      // The library's threads in the whole JVM (the timer may be left from an earlier test).
      assertThat(threadNames(t -> t.getName().startsWith("dynamodb-config-")))
          .containsExactly(
              RefreshThreads.THREAD_NAME + "-N",
              RefreshThreads.THREAD_NAME + "-N",
              RequestTimer.THREAD_NAME);
      // No thread of anyone else's either: the SDK starts no timer thread per client. The one
      // the JDK keeps for all of its HttpURLConnections' idle connections may come and go.
      assertThat(threadNames(t -> !before.contains(t)))
          .isSubsetOf(
              RefreshThreads.THREAD_NAME + "-N", RequestTimer.THREAD_NAME, JDK_KEEP_ALIVE_THREAD);
      assertThat(threadNames(t -> t.getName().equals(JDK_KEEP_ALIVE_THREAD))).hasSizeLessThan(2);
    }
    Await.until(() -> refreshThreads() == 0);
  }

  @Test
  void theRequestTimersThread_endsWhenNoRequestIsLeft() throws InterruptedException {
    try (var source = Sources.create(LocalSettings.of(engine, "table", TABLE))) {
      assertThat(source.getValue("db_port")).isEqualTo("5432");
    }
    // Its idle time, then a margin: no load runs, so nothing of the library is left running.
    Await.until(() -> threadNames(t -> t.getName().equals(RequestTimer.THREAD_NAME)).isEmpty());
  }

  /** sun.net.www.http.KeepAliveCache's cleaner: one per JVM, ends after 5 s without work. */
  private static final String JDK_KEEP_ALIVE_THREAD = "Keep-Alive-Timer";

  private static List<String> threadNames(Predicate<Thread> which) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(which)
        .map(Thread::getName)
        .map(name -> name.replaceAll("-\\d+$", "-N"))
        .sorted()
        .toList();
  }

  @Test
  void skippedItem_isWarnedAboutOnce_notAtEveryRefresh_andANewOneIsWarnedAbout()
      throws InterruptedException {
    engine.putItems(TABLE, List.of(Map.of("Parameter", s("orphan"))));
    try (var source =
        Sources.create(
            LocalSettings.of(
                engine, "table", TABLE, "refresh-interval", "20ms", "on-invalid-item", "skip"))) {
      Await.until(() -> RequestCounter.count("Scan", TABLE) >= 6);
      assertThat(messages(Level.WARNING))
          .containsExactly(
              "DDBCFG-0303 Invalid item 'orphan' in table 'refresh-config': it has no 'Value' attribute;"
                  + " item skipped");

      engine.putItems(TABLE, List.of(Map.of("Parameter", s("orphan2"))));
      long scans = RequestCounter.count("Scan", TABLE);
      Await.until(() -> RequestCounter.count("Scan", TABLE) >= scans + 6);

      assertThat(messages(Level.WARNING))
          .containsExactly(
              "DDBCFG-0303 Invalid item 'orphan' in table 'refresh-config': it has no 'Value'"
                  + " attribute; item skipped",
              "DDBCFG-0303 Invalid item 'orphan2' in table 'refresh-config': it has no 'Value' attribute;"
                  + " item skipped");
      assertThat(source.getValue("db_port")).isEqualTo("5432");
    }
  }

  @Test
  void noRefreshInterval_startsNoThread() {
    try (var source = Sources.create(LocalSettings.of(engine, "table", TABLE))) {
      assertThat(source.getValue("db_port")).isEqualTo("5432");
      assertThat(refreshThreads()).isZero();
    }
  }

  @Test
  void outage_warnsOncePerStreak_keepsValues_andSaysWhenItRecovers() throws InterruptedException {
    try (FaultProxy proxy = FaultProxy.to(engine.endpoint());
        var source = Sources.create(refreshingThrough(proxy, "300ms"))) {
      proxy.next(100_000, FaultProxy.serverError(503));
      Await.until(() -> proxy.log().size() > 30);
      assertThat(source.getValue("db_host")).isEqualTo("my.test.server");
      assertThat(messages(Level.WARNING)).hasSize(1);

      engine.put(TABLE, "db_host", s("after.outage"));
      proxy.clear();
      Await.until(() -> "after.outage".equals(source.getValue("db_host")));

      assertThat(messages(Level.WARNING)).hasSize(1);
      assertThat(messages(Level.INFO))
          .anyMatch(
              m ->
                  m.matches(
                      "DDBCFG-0604 Refresh of DynamoDB table 'refresh-config' succeeded again after \\d+"
                          + " failed attempts"))
          .contains(
              "DDBCFG-0601 Refreshed DynamoDB table 'refresh-config': 1 property changed: db_host");
    }
  }

  @Test
  void hangingTable_neverDelaysAnotherTablesRefresh_andItsCloseDoesNotWaitForIt()
      throws InterruptedException {
    engine.createConfigTable("refresh-other-config");
    engine.put("refresh-other-config", "x", s("1"));
    try (FaultProxy proxy = FaultProxy.to(engine.endpoint());
        var hanging = Sources.create(refreshingThrough(proxy, "20s"));
        var other =
            Sources.create(
                LocalSettings.of(
                    engine, "table", "refresh-other-config", "refresh-interval", "50ms"))) {
      // Every reload of the first table now waits 4 s in the proxy before it is forwarded.
      proxy.next(1000, new FaultProxy.Delay(Duration.ofSeconds(4)));
      Await.until(() -> proxy.log().stream().anyMatch(line -> !line.endsWith("forwarded")));

      engine.put("refresh-other-config", "x", s("2"));
      Await.until(() -> "2".equals(other.getValue("x")));
      assertThat(refreshThreads()).isEqualTo(2);

      long start = System.nanoTime();
      hanging.close();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(hanging.getValue("db_host")).isEqualTo("my.test.server");
      engine.put("refresh-other-config", "x", s("3"));
      Await.until(() -> "3".equals(other.getValue("x")));
    }
    // The held reload ends with its delayed answer, then its thread: nothing is left behind.
    Await.until(() -> refreshThreads() == 0);
  }

  /**
   * Readers see whole snapshots only, and never an older one after a newer: every snapshot holds
   * {@code pair_a} = {@code pair_b} = its number. Each reader checks, in every round, that one
   * {@code getProperties()} view is whole and stays unchanged while it reads on, that its lookups
   * never go back to an older snapshot than one it saw before, and that no lookup finds a name
   * missing. A swap that replaced values in place, one by one, or published an empty snapshot in
   * between, would fail one of these.
   */
  @Test
  void readers_duringHundredSwaps_seeWholeSnapshotsOnly_neverGoingBack() throws Exception {
    engine.put(TABLE, "pair_a", s("0"));
    engine.put(TABLE, "pair_b", s("0"));
    try (var source =
        Sources.create(LocalSettings.of(engine, "table", TABLE, "refresh-interval", "1h"))) {
      AtomicBoolean done = new AtomicBoolean();
      AtomicLong rounds = new AtomicLong();
      List<Future<?>> readers = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      for (int i = 0; i < 4; i++) {
        readers.add(pool.submit(() -> readUntil(done, source, rounds)));
      }
      for (int swap = 1; swap <= 100; swap++) {
        engine.put(TABLE, "pair_a", s(String.valueOf(swap)));
        engine.put(TABLE, "pair_b", s(String.valueOf(swap)));
        source.refresher().orElseThrow().refresh();
        assertThat(source.getValue("pair_a")).isEqualTo(String.valueOf(swap));
      }
      done.set(true);
      for (Future<?> reader : readers) {
        reader.get();
      }
      pool.shutdown();
      assertThat(rounds.get()).isGreaterThan(100);
    }
  }

  private static Void readUntil(
      AtomicBoolean done, DynamoDbConfigSource source, AtomicLong rounds) {
    int newest = 0;
    while (!done.get()) {
      Map<String, String> view = source.getProperties();
      int a = Integer.parseInt(view.get("pair_a"));
      assertThat(view.get("pair_b")).isEqualTo(String.valueOf(a));
      assertThat(a).isGreaterThanOrEqualTo(newest);
      int b = Integer.parseInt(source.getValue("pair_b"));
      int later = Integer.parseInt(source.getValue("pair_a"));
      assertThat(b).isGreaterThanOrEqualTo(a);
      assertThat(later).isGreaterThanOrEqualTo(b);
      assertThat(source.getValue("db_port")).isEqualTo("5432");
      assertThat(view.get("pair_a")).isEqualTo(String.valueOf(a));
      newest = later;
      rounds.incrementAndGet();
      Thread.yield();
    }
    return null;
  }

  /** The names reported by every "Refreshed" line so far. */
  private SortedSet<String> refreshedNames() {
    SortedSet<String> names = new TreeSet<>();
    for (String message : messages(Level.INFO)) {
      if (message.startsWith("DDBCFG-0601 Refreshed DynamoDB table 'refresh-config': ")) {
        names.addAll(List.of(message.substring(message.indexOf(" changed: ") + 10).split(", ")));
      }
    }
    return names;
  }

  private static long refreshThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(RefreshThreads.THREAD_NAME + "-"))
        .count();
  }
}
