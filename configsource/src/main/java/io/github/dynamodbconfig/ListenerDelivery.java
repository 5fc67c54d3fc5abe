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

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One listener's registration: the changes offered to it, delivered one at a time on its executor.
 * A change offered while the listener is busy waits, merged with any other that comes meanwhile,
 * and is delivered when the listener returns; so a slow listener holds one change at most, and the
 * refresh that offered it never waits. A call that throws, or that is still running after the time
 * box, is logged once per streak.
 */
final class ListenerDelivery implements DynamoDbConfigListener.Registration {

  /** How long a call may run before it is logged as not returning. */
  static final Duration TIME_BOX = Duration.ofSeconds(10);

  private final DynamoDbConfigListener listener;
  private final Executor executor;
  private final String table;
  private final Duration timeBox;
  private final Runnable onClose;

  private DynamoDbConfigChanged pending; // guarded by this
  private boolean running; // guarded by this: a task of this delivery is on the executor
  private boolean closed; // guarded by this
  private long call; // guarded by this: the number of the call in progress or last made
  private boolean overran; // guarded by this: the call in progress passed the time box
  private final FailureStreak trouble = new FailureStreak(); // guarded by this

  /**
   * @param table the table as log lines name it
   * @param onClose run once, by the first {@link #close()}
   */
  ListenerDelivery(
      DynamoDbConfigListener listener,
      Executor executor,
      String table,
      Duration timeBox,
      Runnable onClose) {
    this.listener = listener;
    this.executor = executor;
    this.table = table;
    this.timeBox = timeBox;
    this.onClose = onClose;
  }

  /** Hands {@code change} to the listener: now if it is idle, else when it returns. */
  void offer(DynamoDbConfigChanged change) {
    synchronized (this) {
      if (closed) {
        return;
      }
      pending = pending == null ? change : pending.then(change);
      if (running) {
        return;
      }
      running = true;
    }
    try {
      executor.execute(this::deliverAll);
    } catch (RuntimeException | Error e) { // refused, or failed to start a thread: not wedged
      DynamoDbConfigChanged refused;
      synchronized (this) {
        running = false;
        refused = pending;
      }
      if (refused != null) {
        ListenerMessages.REFUSED.log(name(), table, refused.names(), e.getClass().getName());
      }
    }
  }

  /** Calls the listener until no change is pending. */
  private void deliverAll() {
    while (true) {
      DynamoDbConfigChanged change;
      long number;
      synchronized (this) {
        if (closed || pending == null) {
          running = false;
          pending = null;
          return;
        }
        change = pending;
        pending = null;
        number = ++call;
        overran = false;
      }
      ScheduledFuture<?> watch =
          RequestTimer.shared()
              .schedule(() -> overdue(number, change), timeBox.toNanos(), TimeUnit.NANOSECONDS);
      Throwable thrown = null;
      try {
        listener.onChange(change);
      } catch (Throwable t) { // NOPMD: a listener's failure of any kind must not end deliveries
        thrown = t;
      } finally {
        watch.cancel(false);
      }
      returned(change, thrown);
      if (thrown instanceof VirtualMachineError fatal) {
        synchronized (this) {
          running = false; // a later offer starts a new task, with what is pending then
        }
        throw fatal;
      }
    }
  }

  private synchronized void overdue(long number, DynamoDbConfigChanged change) {
    if (number == call && running && !overran) {
      overran = true;
      trouble.failed(
          ListenerMessages.SLOW,
          ListenerMessages.SLOW_AGAIN,
          name(),
          table,
          timeBox.toMillis() % 1000 == 0 ? timeBox.toSeconds() + " s" : timeBox.toMillis() + " ms",
          change.names());
    }
  }

  private synchronized void returned(DynamoDbConfigChanged change, Throwable thrown) {
    if (thrown != null) {
      StackTraceElement[] trace = thrown.getStackTrace();
      trouble.failed(
          ListenerMessages.THREW,
          ListenerMessages.THREW_AGAIN,
          name(),
          table,
          thrown.getClass().getName(),
          trace.length > 0 ? trace[0] : "an unknown place",
          change.names());
    } else if (!overran) {
      trouble.succeeded(ListenerMessages.RETURNS_AGAIN, "call", "calls", name(), table);
    }
  }

  /** The listener's class, or what a wrapping listener names as the class it wraps. */
  private String name() {
    return listener.getClass().isAnonymousClass()
        ? String.valueOf(listener)
        : listener.getClass().getName();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      pending = null;
    }
    onClose.run();
  }
}
