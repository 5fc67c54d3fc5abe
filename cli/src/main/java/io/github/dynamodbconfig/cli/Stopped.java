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

import java.util.ArrayList;
import java.util.List;

/**
 * The failure of a change that stopped part-way ({@code import}, {@code unset} of several keys):
 * what it wrote and what it did not, and what to do.
 */
final class Stopped {

  /** Keys listed by name; the rest are counted. */
  static final int LISTED = 20;

  private Stopped() {}

  /**
   * The failure worded by {@code headline} (with the table's name and the cause's message), with
   * the lines that say what was written, what was not, and what to do: run the same command again
   * when that can succeed, and what else when DynamoDB refuses the request as it is.
   *
   * @param written the keys written or deleted
   * @param notWritten the keys not written or deleted
   */
  static CliException failure(
      Message headline,
      String table,
      List<String> written,
      List<String> notWritten,
      RuntimeException cause) {
    int total = written.size() + notWritten.size();
    List<String> lines = new ArrayList<>();
    lines.add(
        TableMessages.WRITTEN.format(written.size(), Display.count(total, "change", "changes")));
    lines.add(TableMessages.NOT_WRITTEN.format(notWritten.size(), listed(notWritten)));
    lines.add(
        TableSession.refused(cause)
            ? TableMessages.NO_RETRY.format()
            : TableMessages.RUN_AGAIN.format());
    if (TableSession.marksInProgress(total)) {
      lines.add(TableMessages.STAMP_WRITING.format());
    }
    return new CliException(headline, table, cause.getMessage()).withDetails(lines);
  }

  /** The first {@value #LISTED} keys in order, escaped, then {@code ...} for the rest. */
  private static String listed(List<String> keys) {
    List<String> sorted = keys.stream().sorted().toList();
    StringBuilder listed = new StringBuilder();
    for (int i = 0; i < Math.min(LISTED, sorted.size()); i++) {
      listed.append(i == 0 ? "" : ", ").append(Display.key(sorted.get(i)));
    }
    return listed.append(sorted.size() > LISTED ? ", ..." : "").toString();
  }
}
