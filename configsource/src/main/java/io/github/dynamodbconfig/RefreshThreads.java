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
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads every refresher of the JVM shares, started by the first open refresher and ended by
 * the last one to close: one refresh thread per open refresher, so that a slow or unreachable table
 * never delays another's refresh. (The request timeouts of the refresh clients run on the {@link
 * RequestTimer}.)
 */
final class RefreshThreads {

  /** The name of the refresh threads, with a number. */
  static final String THREAD_NAME = "dynamodb-config-refresh";

  private static ScheduledThreadPoolExecutor refresh; // guarded by RefreshThreads.class
  private static final Set<Thread> REFRESH_THREADS = new HashSet<>(); // guarded likewise
  private static int open; // guarded by RefreshThreads.class

  /**
   * How long the last close waits, at most, for the threads to end; a reload still in a request
   * goes on after that until the request's own timeout ends it.
   */
  private static final Duration STOP_GRACE = Duration.ofSeconds(1);

  private RefreshThreads() {}

  /** The shared executor, with one more refresh thread for the caller. */
  static synchronized ScheduledExecutorService acquire() {
    if (open == 0) {
      DaemonThreads refreshThreads = DaemonThreads.numbered(THREAD_NAME);
      refresh =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread thread = refreshThreads.newThread(task);
                synchronized (RefreshThreads.class) {
                  REFRESH_THREADS.add(thread);
                }
                return thread;
              });
      refresh.setRemoveOnCancelPolicy(true);
      refresh.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }
    open++;
    refresh.setCorePoolSize(open);
    return refresh;
  }

  /** Gives the caller's refresh thread back; the last release ends the threads. */
  static void release() {
    ScheduledThreadPoolExecutor last;
    boolean onRefreshThread;
    synchronized (RefreshThreads.class) {
      open--;
      if (open > 0) {
        refresh.setCorePoolSize(open);
        return;
      }
      last = refresh;
      onRefreshThread = REFRESH_THREADS.contains(Thread.currentThread());
      REFRESH_THREADS.clear();
      refresh = null;
    }
    last.shutdownNow();
    if (onRefreshThread) {
      return; // released by a refresh task: its thread ends when that task returns
    }
    try {
      last.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
