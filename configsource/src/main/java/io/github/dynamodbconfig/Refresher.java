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

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reloads one table every {@code dynamodb.config.refresh-interval} and swaps the source's snapshot
 * when a load succeeds. All refreshers share one daemon thread, {@code dynamodb-config-refresh},
 * and the clients they keep open share one daemon thread for their request timeouts, {@code
 * dynamodb-config-timer} (an AWS SDK client would start up to five of its own); both exist only
 * while at least one refresher is open. A failed load keeps the last good snapshot and says so once
 * per streak of failures (WARN), and once again when a load succeeds (INFO). {@link #close()} stops
 * this refresher and closes the client it built; the last one to close also ends the thread, so an
 * undeployed application leaves no thread behind.
 *
 * <p>The thread holds the source only weakly: a source that was never closed (a Config whose
 * building failed after the source was made, an application that forgot {@code close()}) is
 * garbage-collected, and its refresher then closes itself at its next turn.
 */
final class Refresher implements AutoCloseable {

  private static final Logger LOG = System.getLogger(DynamoDbConfigSource.class.getName());

  /** The name of the one refresh thread. */
  static final String THREAD_NAME = "dynamodb-config-refresh";

  /** The name of the one thread of the refresh clients' request timeouts. */
  static final String TIMER_THREAD_NAME = "dynamodb-config-timer";

  private static ScheduledThreadPoolExecutor shared; // guarded by Refresher.class
  private static ScheduledThreadPoolExecutor timer; // guarded by Refresher.class
  private static Thread sharedThread; // guarded by Refresher.class
  private static int open; // guarded by Refresher.class

  private final Settings settings;
  private final TableTarget target;
  private final WeakReference<DynamoDbConfigSource> source;
  private final ScheduledFuture<?> schedule;
  private final ScheduledExecutorService timerOfClient;
  private DynamoDbClient client; // guarded by this
  private boolean closed; // guarded by this
  private int failures; // guarded by this: failed loads since the last good one

  Refresher(Settings settings, TableTarget target, Duration interval, DynamoDbConfigSource source) {
    this.settings = settings;
    this.target = target;
    this.source = new WeakReference<>(source);
    long millis = interval.toMillis();
    SharedThreads threads = acquire();
    this.timerOfClient = threads.timer();
    // Scheduled under this refresher's lock: a first refresh, which takes that lock, waits until
    // every field is set, however short the interval.
    synchronized (this) {
      this.schedule =
          threads
              .refresh()
              .scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** The executors of the two shared threads. */
  private record SharedThreads(
      ScheduledThreadPoolExecutor refresh, ScheduledExecutorService timer) {}

  /** The shared executors, started by the first open refresher. */
  private static synchronized SharedThreads acquire() {
    if (shared == null) {
      shared = daemonExecutor(THREAD_NAME);
      timer = daemonExecutor(TIMER_THREAD_NAME);
    }
    open++;
    return new SharedThreads(shared, timer);
  }

  /** An executor of one daemon thread, started when a first task comes. */
  private static ScheduledThreadPoolExecutor daemonExecutor(String threadName) {
    ClassLoader libraryLoader = Refresher.class.getClassLoader();
    var executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, threadName);
              thread.setDaemon(true);
              // Not an application's loader: the thread must not keep an undeployed one alive.
              thread.setContextClassLoader(libraryLoader);
              if (threadName.equals(THREAD_NAME)) {
                synchronized (Refresher.class) {
                  sharedThread = thread;
                }
              }
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return executor;
  }

  /** Ends the shared threads when the last open refresher closes. */
  private static void release() {
    List<ScheduledThreadPoolExecutor> last;
    boolean onSharedThread;
    synchronized (Refresher.class) {
      open--;
      if (open > 0) {
        return;
      }
      last = List.of(shared, timer);
      shared = null;
      timer = null;
      onSharedThread = Thread.currentThread() == sharedThread;
      sharedThread = null;
    }
    last.forEach(ScheduledThreadPoolExecutor::shutdownNow);
    if (onSharedThread) {
      return; // closed by its own task: the refresh thread ends when that task returns
    }
    try {
      for (ScheduledThreadPoolExecutor executor : last) {
        executor.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One reload: the new snapshot replaces the current one only when the load succeeded. */
  synchronized void refresh() {
    if (closed) {
      return;
    }
    DynamoDbConfigSource owner = source.get();
    if (owner == null) {
      LOG.log(
          Level.DEBUG,
          () ->
              "Refresh of DynamoDB "
                  + target.describe()
                  + " stopped: its source was garbage-collected without close()");
      close();
      return;
    }
    Snapshot fresh;
    try {
      if (client == null) {
        client =
            TableLoad.newClient(
                settings, target.instanceRegion(), target.describe(), Optional.of(timerOfClient));
      }
      fresh = TableLoad.reload(settings, target, client, owner.snapshot());
    } catch (RuntimeException e) {
      if (failures++ == 0) {
        LOG.log(
            Level.WARNING,
            () ->
                "Refresh of DynamoDB "
                    + target.describe()
                    + " failed; the source keeps its last loaded values until a refresh"
                    + " succeeds: "
                    + e.getMessage());
      } else {
        LOG.log(Level.DEBUG, () -> "Refresh of DynamoDB " + target.describe() + " failed again");
      }
      return;
    }
    if (failures > 0) {
      int failed = failures;
      LOG.log(
          Level.INFO,
          () ->
              "Refresh of DynamoDB "
                  + target.describe()
                  + " succeeded again after "
                  + TableLoad.count(failed, "failed attempt", "failed attempts"));
      failures = 0;
    }
    Snapshot previous = owner.swap(fresh);
    Set<String> changed = changedNames(previous, fresh);
    if (!changed.isEmpty()) {
      LOG.log(
          Level.INFO,
          () ->
              "Refreshed DynamoDB "
                  + target.describe()
                  + ": "
                  + TableLoad.count(changed.size(), "property", "properties")
                  + " changed: "
                  + String.join(", ", changed));
    }
  }

  /** The names added, removed or with another value; never the values themselves. */
  static Set<String> changedNames(Snapshot before, Snapshot after) {
    Set<String> changed = new TreeSet<>();
    for (String name : before.names()) {
      if (!Objects.equals(before.properties().get(name), after.properties().get(name))) {
        changed.add(name);
      }
    }
    for (String name : after.names()) {
      if (!before.names().contains(name)) {
        changed.add(name);
      }
    }
    return changed;
  }

  /**
   * Stops this refresher, waiting for a reload of it in progress, and closes its client; the last
   * open refresher also ends the shared thread.
   */
  @Override
  public void close() {
    schedule.cancel(false);
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (client != null) {
        client.close();
      }
    }
    release();
  }
}
