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
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reloads one table every {@code dynamodb.config.refresh-interval} on a daemon thread of its own,
 * and swaps the source's snapshot when a load succeeds. A failed load keeps the last good snapshot
 * and says so in a WARN line. {@link #close()} stops the thread and closes the client it built.
 */
final class Refresher implements AutoCloseable {

  private static final Logger LOG = System.getLogger(DynamoDbConfigSource.class.getName());

  private final Settings settings;
  private final TableTarget target;
  private final AtomicReference<Snapshot> current;
  private final ScheduledExecutorService executor;
  private DynamoDbClient client; // used on the refresh thread only, closed by close()

  Refresher(
      Settings settings, TableTarget target, Duration interval, AtomicReference<Snapshot> current) {
    this.settings = settings;
    this.target = target;
    this.current = current;
    ClassLoader libraryLoader = Refresher.class.getClassLoader();
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "dynamodb-config-refresh-" + target.table());
              thread.setDaemon(true);
              // Not the application's loader: a thread must not keep an undeployed application.
              thread.setContextClassLoader(libraryLoader);
              return thread;
            });
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.executor = pool;
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** One reload: the new snapshot replaces the current one only when the load succeeded. */
  void refresh() {
    try {
      if (client == null) {
        client = TableLoad.newClient(settings, target.instanceRegion(), target.describe());
      }
      Snapshot fresh = TableLoad.reload(settings, target, client);
      Snapshot previous = current.getAndSet(fresh);
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
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          () ->
              "Refresh of DynamoDB "
                  + target.describe()
                  + " failed; the source keeps its last loaded values: "
                  + e.getMessage());
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

  /** Stops the refresh thread, waiting for a reload in progress, and closes the client. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (client != null) {
      client.close();
    }
  }
}
