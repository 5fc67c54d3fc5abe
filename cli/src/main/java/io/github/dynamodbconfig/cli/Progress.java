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
package io.github.dynamodbconfig.cli;

import java.io.PrintWriter;

/**
 * Progress of an import or export of more than {@link #THRESHOLD} items, on standard error: one
 * line rewritten in place on a terminal, a plain line at every tenth otherwise. Thread-safe.
 */
final class Progress {

  /** Fewer items than this show no progress. */
  static final int THRESHOLD = 1_000;

  private final PrintWriter err;
  private final Message doing;
  private final int total;
  private final boolean terminal;
  private int done;
  private int lastTenth;

  private Progress(PrintWriter err, Message doing, int total, boolean terminal) {
    this.err = err;
    this.doing = doing;
    this.total = total;
    this.terminal = terminal;
  }

  /** Progress of {@code total} items, worded by {@code doing} ({@code Writing %d of %d items}). */
  static Progress of(PrintWriter err, Message doing, int total) {
    return new Progress(err, doing, total, System.console() != null);
  }

  /** {@code count} more items are done. */
  synchronized void advance(int count) {
    if (total <= THRESHOLD) {
      return;
    }
    done += count;
    if (terminal) {
      err.print("\r" + doing.format(done, total));
      if (done >= total) {
        err.println();
      }
      err.flush();
      return;
    }
    int tenth = (int) (10L * done / total);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      err.println(doing.format(done, total));
      err.flush();
    }
  }
}
