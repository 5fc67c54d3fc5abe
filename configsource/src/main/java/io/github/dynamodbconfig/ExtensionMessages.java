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

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * The lines of the library in a CDI container, logged under the logger {@code
 * io.github.dynamodbconfig.DynamoDbConfigExtension}: the report of table values that another source
 * overrides (secret values as {@code ***}), and the refresh-scoped beans a change retires.
 */
final class ExtensionMessages {

  static final LibraryMessage OVERRIDDEN =
      new LibraryMessage(
          801,
          INFO,
          "{name}: DynamoDB value overridden by {source} (ordinal {ordinal}); table {table} has"
              + " {tableValue}, the application gets {value}");

  static final LibraryMessage NONE_OVERRIDDEN =
      new LibraryMessage(
          802, DEBUG, "No value of a DynamoDB config table is overridden by another source");

  static final LibraryMessage NOT_COMPARED =
      new LibraryMessage(
          803, DEBUG, "{name}: not compared with table {table}, its lookup failed ({exception})");

  static final LibraryMessage KEYS =
      new LibraryMessage(
          804,
          DEBUG,
          "Refresh-scoped beans by class, each with the properties whose change makes it again (*:"
              + " any): {keys}");

  static final LibraryMessage RETIRED =
      new LibraryMessage(
          805,
          DEBUG,
          "{count} retired after a change of DynamoDB table {table}, made again at their next"
              + " call: {beans}");

  static final LibraryMessage DESTROY_FAILED =
      new LibraryMessage(
          806,
          WARNING,
          "Destroying a retired instance of refresh-scoped bean {bean} failed: its PreDestroy"
              + " method threw {exception}");

  static final LibraryMessage FOREIGN_CONTEXT =
      new LibraryMessage(
          807,
          ERROR,
          "The CDI context of @RefreshScoped is {class}, not the library's RefreshScopeContext:"
              + " the container did not run the library's build compatible extension");

  /** The logger of these lines. */
  static final System.Logger LOGGER =
      System.getLogger("io.github.dynamodbconfig.DynamoDbConfigExtension");

  private ExtensionMessages() {}

  /** Logs {@code message} with {@code args} under {@link #LOGGER}, at its level. */
  static void log(LibraryMessage message, Object... args) {
    message.logTo(LOGGER, message.level(), args);
  }
}
