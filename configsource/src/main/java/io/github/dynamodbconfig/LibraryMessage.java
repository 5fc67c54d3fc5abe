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

/**
 * One line the library prints, as its catalogue declares it: a stable id that operators can alert
 * on, the level it is logged at ({@link Level#ERROR} for a message that is thrown as a {@link
 * DynamoDbConfigException}), and a template whose {@code {name}} placeholders are filled in order.
 * Every id is listed in {@code docs/messages.md}; an id never changes once released.
 *
 * @param number the number of the id, {@code DDBCFG-0301} for 301
 * @param level the level it is logged at; {@link Level#ERROR} when it is thrown
 * @param template the wording, with {@code {name}} placeholders
 */
record LibraryMessage(int number, Level level, String template) {

  /**
   * The logger of loading and refreshing, named after {@link DynamoDbConfigSource} (the name users
   * configure), so that the provider, the loader and the refresher log under it too.
   */
  static final Logger SOURCE_LOGGER =
      System.getLogger("io.github.dynamodbconfig.DynamoDbConfigSource");

  /** The id, e.g. {@code DDBCFG-0301}. */
  String id() {
    return "DDBCFG-%04d".formatted(number);
  }

  /** The line: the id, a space, the template with its placeholders filled by {@code args}. */
  String format(Object... args) {
    return id() + " " + fill(args);
  }

  /** The template with its placeholders filled by {@code args}, in order. */
  private String fill(Object... args) {
    StringBuilder text = new StringBuilder();
    int next = 0;
    int from = 0;
    while (from < template.length()) {
      int open = template.indexOf('{', from);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0 || next == args.length) {
        text.append(template, from, template.length());
        break;
      }
      text.append(template, from, open).append(args[next++]);
      from = close + 1;
    }
    return text.toString();
  }

  /** Whether {@link #log} would print anything at this message's level. */
  boolean loggable() {
    return SOURCE_LOGGER.isLoggable(level);
  }

  /** Logs the line under {@link #SOURCE_LOGGER} at its level. */
  void log(Object... args) {
    logTo(SOURCE_LOGGER, level, args);
  }

  /** Logs the line under {@link #SOURCE_LOGGER} at {@code level}: a streak's repeats at DEBUG. */
  void logAt(Level level, Object... args) {
    logTo(SOURCE_LOGGER, level, args);
  }

  /** Logs the line under {@code logger} at {@code level}: for a line that another logger prints. */
  void logTo(Logger logger, Level level, Object... args) {
    if (logger.isLoggable(level)) {
      logger.log(level, format(args));
    }
  }

  /** The exception that says the line, caused by {@code cause} (null for none). */
  DynamoDbConfigException exception(Throwable cause, Object... args) {
    return new DynamoDbConfigException(id(), fill(args), cause);
  }
}
