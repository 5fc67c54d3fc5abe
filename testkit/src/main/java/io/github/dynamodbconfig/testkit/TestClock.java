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
package io.github.dynamodbconfig.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that tests move: by hand, or by a step after every reading. */
public final class TestClock extends Clock {

  private final AtomicReference<Instant> now;
  private final Duration stepPerReading;

  private TestClock(Instant start, Duration stepPerReading) {
    this.now = new AtomicReference<>(start);
    this.stepPerReading = stepPerReading;
  }

  /** A clock standing at {@code start} until {@link #advance(Duration)} moves it. */
  public static TestClock at(Instant start) {
    return new TestClock(start, Duration.ZERO);
  }

  /** A clock at {@code start} whose every reading is {@code step} after the one before. */
  public static TestClock stepping(Instant start, Duration step) {
    return new TestClock(start, step);
  }

  /** Moves the clock forward by {@code duration}. */
  public void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.getAndUpdate(instant -> instant.plus(stepPerReading));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a test clock stays in UTC");
  }
}
