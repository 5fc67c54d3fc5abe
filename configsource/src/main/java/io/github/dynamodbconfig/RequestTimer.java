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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one executor of the request timeouts of every AWS SDK client the library builds. Without it,
 * the SDK starts a timer thread for each client, which costs a start-up load a thread of its own.
 * Its one thread, {@value #THREAD_NAME}, starts with the first request and ends after {@link #IDLE}
 * without one, so nothing of the library stays running between loads or after the last source has
 * closed. A request's timeout is removed from the queue as soon as the request ends.
 */
final class RequestTimer {

  /** The name of the timer's thread. */
  static final String THREAD_NAME = "dynamodb-config-timer";

  /** How long the thread waits for another timeout before it ends. */
  static final Duration IDLE = Duration.ofSeconds(1);

  private static final ScheduledExecutorService SHARED = create();

  private RequestTimer() {}

  /** The executor; never shut down, so no client may shut it down (the SDK leaves it open). */
  static ScheduledExecutorService shared() {
    return SHARED;
  }

  private static ScheduledExecutorService create() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, DaemonThreads.named(THREAD_NAME));
    executor.setKeepAliveTime(IDLE.toMillis(), TimeUnit.MILLISECONDS);
    executor.allowCoreThreadTimeOut(true);
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
