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
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The library's one rule for waiting before another try: full jitter, a random wait up to 25 ms ×
 * 2^(attempt - 1), at most 1 s, cut short so that a last try still fits before the deadline of the
 * work it is part of, and no more tries once less than {@link #LAST_TRY} is left. The AWS SDK's
 * retries of failed requests use it, and so does every loop of the library that tries again: keys
 * that {@code BatchGetItem} left unprocessed, a start-up that waits out a change in progress.
 */
final class Backoff {

  /** The waits, as the AWS SDK's retry strategy takes them. */
  static final BackoffStrategy STRATEGY =
      BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(1));

  /** Less time than this left before the deadline: no more tries. */
  static final Duration LAST_TRY = Duration.ofMillis(100);

  private Backoff() {}

  /**
   * Sleeps the wait before try {@code attempt + 1}, cut short to leave half of {@link #LAST_TRY}
   * for that try.
   *
   * @param attempt the number of tries made so far, from 1
   * @return false, having slept nothing, when less than {@link #LAST_TRY} is left before {@code
   *     deadline}: no time for another try
   * @throws InterruptedException when the thread is interrupted while it waits
   */
  static boolean pause(int attempt, Deadline deadline) throws InterruptedException {
    long left = deadline.nanosLeft();
    if (left < LAST_TRY.toNanos()) {
      return false;
    }
    long wait = STRATEGY.computeDelay(attempt).toNanos();
    TimeUnit.NANOSECONDS.sleep(Math.min(wait, left - LAST_TRY.toNanos() / 2));
    return true;
  }
}
