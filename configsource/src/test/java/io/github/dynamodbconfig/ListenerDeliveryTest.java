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

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.Await;
import io.github.dynamodbconfig.testkit.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How changes reach listeners: never on the publishing thread, one at a time, those that come while
 * a listener is busy as one, and a listener that throws or blocks logged once per streak.
 */
class ListenerDeliveryTest {

  private static final TableTarget TARGET =
      new TableTarget("prod-myapp-config", Optional.of("prod-myapp"), "from a test");
  private static final Duration BOX = Duration.ofMillis(200);

  private final ChangeListeners listeners = new ChangeListeners(TARGET, BOX);
  private LogCapture log;

  @BeforeEach
  void capture() {
    log = LogCapture.start();
  }

  @AfterEach
  void stopCapture() {
    log.close();
  }

  /** Publishes that {@code name} changed, at stamp version {@code version}; returns at once. */
  private void publishChange(String name, long version) {
    Snapshot fresh =
        new Snapshot(Map.of(name, "v" + version), Set.of()).withVersion(OptionalLong.of(version));
    listeners.publish(new Snapshot.Changes(Set.of(), Set.of(name), Set.of()), fresh);
  }

  @Test
  void aListener_getsEachChange_onAListenerThread_withTheTableAndVersion()
      throws InterruptedException {
    List<DynamoDbConfigChanged> seen = new ArrayList<>();
    List<String> threads = new ArrayList<>();
    listeners.add(
        change -> {
          synchronized (seen) {
            seen.add(change);
            threads.add(Thread.currentThread().getName());
          }
        },
        ListenerThreads.shared());

    publishChange("db_host", 3);
    Await.within(Duration.ofSeconds(10), () -> size(seen) == 1);
    publishChange("db_port", 4);
    Await.within(Duration.ofSeconds(10), () -> size(seen) == 2);

    synchronized (seen) {
      assertThat(seen.get(0).table()).isEqualTo("prod-myapp-config");
      assertThat(seen.get(0).role()).hasValue("prod-myapp");
      assertThat(seen.get(0).changed()).containsExactly("db_host");
      assertThat(seen.get(0).version()).hasValue(3);
      assertThat(seen.get(1).changed()).containsExactly("db_port");
      assertThat(threads).allMatch(name -> name.startsWith(ListenerThreads.THREAD_NAME + "-"));
    }
  }

  @Test
  void changesWhileTheListenerIsBusy_reachItAsOne_whenItReturns() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    List<DynamoDbConfigChanged> seen = new ArrayList<>();
    listeners.add(
        change -> {
          synchronized (seen) {
            seen.add(change);
          }
          awaitQuietly(release);
        },
        ListenerThreads.shared());

    publishChange("a", 1);
    Await.within(Duration.ofSeconds(10), () -> size(seen) == 1);
    long start = System.nanoTime();
    publishChange("b", 2);
    publishChange("c", 3);
    publishChange("b", 4);
    // Publishing never waited for the busy listener.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOX);
    release.countDown();
    Await.within(Duration.ofSeconds(10), () -> size(seen) == 2);
    Thread.sleep(100);

    synchronized (seen) {
      assertThat(seen).hasSize(2);
      assertThat(seen.get(1).changed()).containsExactly("b", "c");
      assertThat(seen.get(1).version()).hasValue(4);
    }
  }

  @Test
  void aListenerThatThrows_isLoggedOncePerStreak_byClassAndLine_andGetsTheNextChange()
      throws InterruptedException {
    List<String> seen = new ArrayList<>();
    listeners.add(
        change -> {
          synchronized (seen) {
            seen.addAll(change.names());
          }
          if (!change.touches("fixed")) {
            throw new IllegalStateException("value s3cr3t-in-a-message");
          }
        },
        ListenerThreads.shared());

    for (String name : List.of("one", "two", "three", "fixed")) {
      publishChange(name, 1);
      Await.within(
          Duration.ofSeconds(10),
          () -> sizeOfNames(seen) == List.of("one", "two", "three", "fixed").indexOf(name) + 1);
    }
    Await.within(Duration.ofSeconds(10), () -> !log.messages(Level.INFO).isEmpty());

    List<String> warnings = log.messages(Level.WARNING);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .startsWith("DDBCFG-0901 Listener io.github.dynamodbconfig.ListenerDeliveryTest$$Lambda")
        .contains(
            " of DynamoDB table 'prod-myapp-config' (role 'prod-myapp') threw"
                + " java.lang.IllegalStateException at io.github.dynamodbconfig."
                + "ListenerDeliveryTest.lambda$")
        .endsWith(
            "on a change of [one]; refreshing goes on, and the listener gets the next change");
    assertThat(log.all()).noneMatch(line -> line.contains("s3cr3t"));
    assertThat(log.messages(Level.INFO))
        .singleElement()
        .asString()
        .startsWith("DDBCFG-0903 ")
        .endsWith("returned normally and in time again, after 3 calls that did not");
  }

  @Test
  void aListenerThatBlocks_isLoggedAfterTheTimeBox_andNeverHoldsUpAnother()
      throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    listeners.add(new Blocking(release), ListenerThreads.shared());
    List<String> other = new ArrayList<>();
    listeners.add(
        change -> {
          synchronized (other) {
            other.addAll(change.names());
          }
        },
        ListenerThreads.shared());

    publishChange("db_host", 1);
    publishChange("db_port", 2);
    Await.within(Duration.ofSeconds(10), () -> sizeOfNames(other) == 2);
    Await.within(Duration.ofSeconds(10), () -> !blockingWarnings().isEmpty());

    // Only the blocking listener's lines: on a loaded machine the other may be late once too.
    assertThat(blockingWarnings())
        .singleElement()
        .asString()
        .startsWith("DDBCFG-0904 Listener io.github.dynamodbconfig.ListenerDeliveryTest$Blocking")
        .endsWith(
            " of DynamoDB table 'prod-myapp-config' (role 'prod-myapp') has not returned within 200 ms"
                + " of a change of [db_host]; refreshing goes on, and the changes published"
                + " meanwhile reach the listener as one when it returns");
    release.countDown();
  }

  @Test
  void aClosedRegistration_getsNoFurtherChange() throws InterruptedException {
    List<String> seen = new ArrayList<>();
    DynamoDbConfigListener.Registration registration =
        listeners.add(
            change -> {
              synchronized (seen) {
                seen.addAll(change.names());
              }
            },
            Runnable::run);

    publishChange("before", 1);
    registration.close();
    registration.close();
    publishChange("after", 2);

    assertThat(seen).containsExactly("before");
  }

  @Test
  void anExecutorThatRefuses_isLogged_andTheChangeComesWithTheNextOne()
      throws InterruptedException {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    executor.shutdown();
    assertThat(executor.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
    List<String> seen = new ArrayList<>();
    ExecutorService[] current = {executor};
    listeners.add(
        change -> {
          synchronized (seen) {
            seen.addAll(change.names());
          }
        },
        task -> current[0].execute(task));

    publishChange("refused", 1);
    assertThat(log.messages(Level.WARNING))
        .singleElement()
        .asString()
        .startsWith("DDBCFG-0906 The executor of listener ")
        .endsWith(
            " of DynamoDB table 'prod-myapp-config' (role 'prod-myapp') refused a change of"
                + " [refused] (java.util.concurrent.RejectedExecutionException); the listener"
                + " gets it with the next change");

    current[0] = Executors.newSingleThreadExecutor();
    try {
      publishChange("next", 2);
      Await.within(Duration.ofSeconds(10), () -> sizeOfNames(seen) == 2);
      assertThat(seen).containsExactly("next", "refused");
    } finally {
      current[0].shutdown();
    }
  }

  private static int size(List<?> list) {
    synchronized (list) {
      return list.size();
    }
  }

  private static int sizeOfNames(List<String> names) {
    return size(names);
  }

  private List<String> blockingWarnings() {
    return log.messages(Level.WARNING).stream()
        .filter(line -> line.contains("ListenerDeliveryTest$Blocking"))
        .toList();
  }

  /** A listener that blocks until released. */
  private record Blocking(CountDownLatch release) implements DynamoDbConfigListener {
    @Override
    public void onChange(DynamoDbConfigChanged change) {
      awaitQuietly(release);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
