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
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The rule that no change in progress is ever published, and that an unchanged table costs a
 * refresh one small read, for a table with a {@link ChangeStamp} (a table without one is read as it
 * always was). A refresh reads the stamp first: unchanged and complete, it reads nothing more
 * (unless {@code refresh-full-interval} has passed since the last full read); a change in progress
 * waits for a later round; otherwise it reads the table and the stamp again, and publishes only
 * when the stamp did not move meanwhile. At start-up, where a table's stamp is learned from the
 * read itself, a change in progress is waited out within {@code timeout}, then the table is loaded
 * anyway with one WARN line; the first refresh then reads the table in full.
 */
final class ConsistentRead {

  private static final Logger LOG = Log.SOURCE;

  /** Less time than this left of the start-up budget: no more waiting for a change to end. */
  private static final long LAST_TRY_MILLIS = 100;

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

  ConsistentRead(Settings settings, TableTarget target) {
    this.settings = settings;
    this.target = target;
  }

  /** The start-up read: a change in progress is waited out within the time budget. */
  Outcome startUp(TableRead table, StampRead stamp) {
    Deadline deadline = Deadline.after(settings.timeout());
    long pause = 50;
    while (true) {
      Outcome read = split(table.read());
      Optional<ChangeStamp> seen = read.state().stamp();
      if (seen.isEmpty()) {
        return read;
      }
      boolean complete = !inProgress(seen.get());
      if (complete && stamp.read().equals(seen)) {
        return read;
      }
      long leftMillis = deadline.nanosLeft() / 1_000_000;
      if (leftMillis < LAST_TRY_MILLIS) {
        LOG.log(
            Level.WARNING,
            () ->
                "DynamoDB "
                    + target.describe()
                    + " was being changed (its change stamp is in progress) until the end of "
                    + DynamoDbConfigSetting.TIMEOUT.key()
                    + "="
                    + settings.timeout()
                    + "; loaded as it was read, and read again in full at the first refresh");
        return read;
      }
      sleep(Math.min(pause, leftMillis - LAST_TRY_MILLIS / 2));
      pause = Math.min(1_000, pause * 2);
    }
  }

  /**
   * A refresh: the read to publish, or empty when there is nothing new (the table unchanged, or a
   * change still in progress, or the stamp moved while the table was read).
   */
  Optional<Outcome> refresh(TableRead table, StampRead stamp, State last) {
    boolean fullDue =
        System.nanoTime() - last.fullReadNanos() >= settings.refreshFullInterval().toNanos();
    Optional<ChangeStamp> before = last.stamp().isPresent() ? stamp.read() : Optional.empty();
    if (before.isPresent()) {
      if (inProgress(before.get())) {
        return Optional.empty();
      }
      if (!fullDue && last.verified() && before.equals(last.stamp())) {
        return Optional.empty();
      }
    }
    Outcome read = split(table.read());
    if (before.isEmpty()) {
      return Optional.of(read); // no stamp known: as a table without one, learning if it has one
    }
    Optional<ChangeStamp> after = stamp.read();
    if (!after.equals(before)) {
      return Optional.empty(); // changed while it was read: a later round reads it again
    }
    return Optional.of(
        new Outcome(read.result(), new State(after, true, read.state().fullReadNanos())));
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
      LOG.log(
          level,
          () ->
              "The change stamp of DynamoDB "
                  + target.describe()
                  + " has been in progress since "
                  + stamp.since()
                  + ", longer than "
                  + DynamoDbConfigSetting.REFRESH_FULL_INTERVAL.key()
                  + "="
                  + abandonAfter
                  + ": its writer is taken as gone, and the table is read as it is");
      return false;
    }
    if (!stamp.writing()) {
      abandoned.succeeded();
    }
    return stamp.inProgress(now, abandonAfter);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while a change of the table was in progress");
    }
  }
}
