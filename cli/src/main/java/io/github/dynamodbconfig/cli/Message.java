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

import java.util.Locale;

/**
 * One message of the tool: its id ({@code DDBCFG-1nnn}, never changed once released), who reads it
 * where, and its {@link String#format} template. The catalogues ({@code UsageMessages}, {@code
 * TableMessages}, ...) hold every message, one hundred ids per concern; docs/messages.md lists them
 * with what to do.
 *
 * @param number the id's number, 1000 to 1999 (the library's are 1 to 999)
 */
record Message(int number, Level level, String template) {

  /** What starts every error and warning line on standard error. */
  static final String TOOL = "dynamodb-config: ";

  /** Who reads a message, and where. */
  enum Level {
    /** Standard error, with its id; the command ends with exit code 2. */
    ERROR("error (stderr)"),
    /** Standard error, with its id; the command goes on. */
    WARNING("warning (stderr)"),
    /** Standard error, a line under an error that details it. */
    DETAIL("detail (stderr)"),
    /** Standard error: what a command found, which its exit code also tells. */
    NOTE("note (stderr)"),
    /** Standard error: how far a long command is. */
    PROGRESS("progress (stderr)"),
    /** Standard output: a line of a command's human-readable result. */
    OUTPUT("summary (stdout)"),
    /** A part of another message. */
    PART("part");

    final String shown;

    Level(String shown) {
      this.shown = shown;
    }
  }

  /** {@code DDBCFG-1nnn}. */
  String id() {
    return String.format(Locale.ROOT, "DDBCFG-%04d", number);
  }

  /** The message with {@code args} in its template. */
  String format(Object... args) {
    return String.format(Locale.ROOT, template, args);
  }

  /** The line of an error or a warning: {@code dynamodb-config: DDBCFG-1nnn text}. */
  String line(Object... args) {
    return TOOL + id() + " " + format(args);
  }
}
