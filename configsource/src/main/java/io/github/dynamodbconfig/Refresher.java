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

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Reloads a table about every interval ({@link RefreshSchedule}) and swaps the result into a {@link
 * ServedSnapshot}, keeping the last good snapshot over a failed or empty reload; it sees only the
 * holder (weakly) and a {@link Reload}, never the source (docs/how-it-works.md).
 */
final class Refresher implements AutoCloseable {

  private final WeakReference<ServedSnapshot> holder;
  private final String table;
  private final Reload reload;
  private final ChangeListeners listeners;
  private final Duration interval;
  private final ScheduledExecutorService threads;
  private ScheduledFuture<?> next; // guarded by this
  private boolean closed; // guarded by this
  private boolean reloading; // guarded by this
  private final FailureStreak failures = new FailureStreak(); // only the refresh task uses it
  private final FailureStreak emptyReads = new FailureStreak(); // likewise

  /**
   * Starts refreshing {@code holder} every {@code interval} with {@code reload}, which it closes
   * with itself, and tells {@code listeners} about each change; {@code table} names the table in
   * log lines.
   */
  Refresher(
      ServedSnapshot holder,
      Duration interval,
      String table,
      Reload reload,
      ChangeListeners listeners) {
    this.holder = new WeakReference<>(holder);
    this.table = table;
    this.reload = reload;
    this.listeners = listeners;
    this.interval = interval;
    this.threads = RefreshThreads.acquire();
    // Scheduled under this refresher's lock: a first refresh, which takes that lock, waits until
    // every field is set, however short its delay.
    synchronized (this) {
      schedule(RefreshSchedule.first(interval, ThreadLocalRandom.current()));
    }
  }

  private synchronized void schedule(Duration delay) {
    if (!closed) {
      next = threads.schedule(this::refreshAndGoOn, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void refreshAndGoOn() {
    try {
      refresh();
    } finally {
      schedule(RefreshSchedule.next(interval, ThreadLocalRandom.current()));
    }
  }

  /** One reload: the new snapshot replaces the current one only when the load succeeded. */
  void refresh() {
    ServedSnapshot target = holder.get();
    synchronized (this) {
      if (closed) {
        return;
      }
      reloading = target != null;
    }
    if (target == null) {
      RefreshMessages.STOPPED_UNCLOSED.log(table);
      close();
      return;
    }
    Snapshot fresh = null;
    try {
      fresh = reload.reload();
    } catch (RuntimeException e) {
      failed(e);
    } finally {
      if (endReload()) {
        fresh = null;
      }
    }
    if (fresh != null) {
      succeeded(target, fresh);
    }
  }

  /** Ends a reload; true when the refresher was closed meanwhile (its reload is released now). */
  private synchronized boolean endReload() {
    reloading = false;
    if (closed) {
      reload.close();
    }
    return closed;
  }

  private void failed(RuntimeException e) {
    failures.failed(RefreshMessages.FAILED, RefreshMessages.FAILED_AGAIN, table, e.getMessage());
  }

  private void succeeded(ServedSnapshot target, Snapshot fresh) {
    failures.succeeded(RefreshMessages.SUCCEEDED_AGAIN, "failed attempt", "failed attempts", table);
    if (fresh.isEmpty() && !target.get().isEmpty()) {
      int kept = target.get().names().size();
      emptyReads.failed(
          RefreshMessages.EMPTY_READ,
          RefreshMessages.EMPTY_READ_AGAIN,
          table,
          MessageText.count(kept, "property", "properties"));
      return;
    }
    emptyReads.succeeded(
        RefreshMessages.FOUND_PROPERTIES_AGAIN, "empty read", "empty reads", table);
    Snapshot previous = target.swap(fresh);
    Snapshot.Changes changes = previous.changesIn(fresh);
    if (!changes.isEmpty()) {
      Set<String> changed = changes.all();
      RefreshMessages.CHANGED.log(
          table,
          MessageText.count(changed.size(), "property", "properties"),
          String.join(", ", changed),
          fresh.version().isPresent() ? "; serves version " + fresh.version().getAsLong() : "");
      listeners.publish(changes, fresh);
    }
  }

  /**
   * Stops this refresher without waiting for a reload in progress, which releases its client when
   * it ends; the last open refresher also ends the shared threads.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (next != null) {
        next.cancel(false);
      }
      if (!reloading) {
        reload.close();
      }
    }
    RefreshThreads.release();
  }
}
