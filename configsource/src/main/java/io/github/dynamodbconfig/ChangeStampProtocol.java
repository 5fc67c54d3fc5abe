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

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The change stamp's rule: no change in progress is ever published, and an unchanged table costs a
 * refresh one small read of its {@link ChangeStamp} (docs/how-it-works.md, "The change stamp").
 */
final class ChangeStampProtocol {

  /** How far a writer's clock may be behind the reader's, for {@link #recent}. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

  /** What the last read learned of the table's stamp. */
  record State(Optional<ChangeStamp> stamp, boolean verified, long fullReadNanos) {
    static State initial() {
      return new State(Optional.empty(), false, System.nanoTime());
    }
  }

  /** A read to publish, without the stamp item, and what it learned. */
  record Outcome(TableReader.Result result, State state) {}

  /** Reads the table: a Scan, or BatchGetItem of the declared keys and the stamp's key. */
  interface TableRead {
    TableReader.Result read();
  }

  /** Reads the stamp; empty when the table has none. */
  interface StampRead {
    Optional<ChangeStamp> read();
  }

  private final Settings settings;
  private final TableTarget target;
  private final FailureStreak abandoned = new FailureStreak();

  ChangeStampProtocol(Settings settings, TableTarget target) {
    this.settings = settings;
    this.target = target;
  }

  /** The start-up read: a change in progress is waited out within the time budget. */
  Outcome startUp(TableRead table, StampRead stamp) {
    Deadline deadline = Deadline.after(settings.timeout());
    for (int attempt = 1; ; attempt++) {
      Instant scanStart = Instant.now();
      Outcome read = split(table.read());
      Optional<ChangeStamp> seen = read.state().stamp();
      if (seen.isEmpty()) {
        return read;
      }
      boolean complete = !inProgress(seen.get());
      if (complete && stamp.read().equals(seen)) {
        if (!recent(seen.get(), scanStart)) {
          return read;
        }
        // Marked around the time of the Scan: read the stamp first, then the table, then the
        // stamp again, so that a change that began and ended during the Scan is not half loaded.
        Optional<ChangeStamp> before = stamp.read();
        if (before.isPresent() && !inProgress(before.get())) {
          Optional<Outcome> again = between(before.get(), table, stamp);
          if (again.isPresent()) {
            return again.get();
          }
        }
      }
      if (!pause(attempt, deadline)) {
        StampMessages.OUTLASTED_START_UP.log(
            target.describe(), DynamoDbConfigSetting.TIMEOUT.key(), settings.timeout());
        return read;
      }
    }
  }

  /** A refresh's step: what to publish, if anything, and what it learned of the stamp. */
  record Step(Optional<TableReader.Result> publish, State state) {}

  /**
   * A refresh: the read to publish, or none when there is nothing new (the table unchanged, a
   * change still in progress, the stamp moved while the table was read, or a stamp seen for the
   * first time, which a later round confirms).
   */
  Step refresh(TableRead table, StampRead stamp, State last) {
    boolean fullDue =
        System.nanoTime() - last.fullReadNanos() >= settings.refreshFullInterval().toNanos();
    Optional<ChangeStamp> before = last.stamp().isPresent() ? stamp.read() : Optional.empty();
    if (before.isPresent()) {
      if (inProgress(before.get())) {
        skipped("a change is in progress");
        return new Step(Optional.empty(), last);
      }
      if (!fullDue && last.verified() && before.equals(last.stamp())) {
        return new Step(Optional.empty(), last);
      }
    }
    if (before.isEmpty()) {
      Outcome read = split(table.read());
      Optional<ChangeStamp> seen = read.state().stamp();
      if (seen.isEmpty()) {
        return new Step(Optional.of(read.result()), read.state()); // a table without a stamp
      }
      // A stamp read part-way through the Scan proves nothing: a later round reads it first.
      skipped("its change stamp is new");
      return new Step(Optional.empty(), new State(seen, false, last.fullReadNanos()));
    }
    Optional<Outcome> read = between(before.get(), table, stamp);
    if (read.isEmpty()) {
      skipped("it changed while it was read");
      return new Step(Optional.empty(), last);
    }
    return new Step(Optional.of(read.get().result()), read.get().state());
  }

  /**
   * The table read after the stamp read {@code before} and before a second stamp read: the read of
   * one whole state of the table, or empty when the stamp moved meanwhile.
   */
  private Optional<Outcome> between(ChangeStamp before, TableRead table, StampRead stamp) {
    Outcome read = split(table.read());
    if (!stamp.read().equals(Optional.of(before))) {
      return Optional.empty();
    }
    return Optional.of(
        new Outcome(
            read.result(), new State(Optional.of(before), true, read.state().fullReadNanos())));
  }

  private void skipped(String why) {
    StampMessages.NOTHING_THIS_ROUND.log(target.describe(), why);
  }

  /** Marked within {@link #CLOCK_SKEW} of {@code scanStart} or after it: by another clock. */
  private static boolean recent(ChangeStamp stamp, Instant scanStart) {
    return !stamp.since().isBefore(scanStart.minus(CLOCK_SKEW));
  }

  private Outcome split(TableReader.Result result) {
    ChangeStamp.Split split = ChangeStamp.split(result.items(), settings.layout().keyAttribute());
    return new Outcome(
        new TableReader.Result(split.items(), result.requests()),
        new State(split.stamp(), false, System.nanoTime()));
  }

  /** In progress, and not abandoned; an abandoned stamp is warned about once per streak. */
  private boolean inProgress(ChangeStamp stamp) {
    Instant now = Instant.now();
    Duration abandonAfter = settings.refreshFullInterval();
    if (stamp.abandoned(now, abandonAfter)) {
      Level level = abandoned.failed();
      StampMessages.ABANDONED.logAt(
          level,
          target.describe(),
          stamp.since(),
          DynamoDbConfigSetting.REFRESH_FULL_INTERVAL.key(),
          abandonAfter);
      return false;
    }
    if (!stamp.writing()) {
      abandoned.succeeded();
    }
    return stamp.inProgress(now, abandonAfter);
  }

  /** The library's backoff before another start-up read; false when the budget has no room. */
  private static boolean pause(int attempt, Deadline deadline) {
    try {
      return Backoff.pause(attempt, deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while a change of the table was in progress");
    }
  }
}
