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
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** The end of a time budget: what is left of it, with one rule for a budget that has run out. */
final class Deadline {

  /**
   * The least time a request can be given: the SDK truncates a request timeout to whole
   * milliseconds and reads 0 ms as no timeout at all.
   */
  static final Duration MIN_REQUEST_TIME = Duration.ofMillis(1);

  private final long nanos;

  private Deadline(long nanos) {
    this.nanos = nanos;
  }

  /** The deadline {@code budget} from now. */
  static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos());
  }

  /** Nanoseconds left, negative once passed. */
  long nanosLeft() {
    return nanos - System.nanoTime();
  }

  /** True once less than {@link #MIN_REQUEST_TIME} is left. */
  boolean passed() {
    return nanosLeft() < MIN_REQUEST_TIME.toNanos();
  }

  /**
   * The time left for a request.
   *
   * @throws TimeoutException when less than {@link #MIN_REQUEST_TIME} is left, with {@code what}
   *     ran out of time as its message
   */
  Duration remaining(Supplier<String> what) throws TimeoutException {
    if (passed()) {
      throw new TimeoutException(what.get());
    }
    return Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(nanosLeft()));
  }
}
