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

/** The lines of building a source: disabled, idle, no table, a table served twice. */
final class SourceMessages {

  static final LibraryMessage DISABLED =
      new LibraryMessage(1, INFO, "DynamoDB config source disabled by {setting}=false");

  static final LibraryMessage NO_TABLE =
      new LibraryMessage(2, INFO, "{why}; the DynamoDB config source is empty");

  static final LibraryMessage NO_TABLE_ON_EC2 =
      new LibraryMessage(3, WARNING, "{why}; the DynamoDB config source is empty");

  static final LibraryMessage NO_TABLE_REQUIRED =
      new LibraryMessage(4, ERROR, "{why} ({setting}=true)");

  static final LibraryMessage SERVED_TWICE =
      new LibraryMessage(
          5,
          WARNING,
          "DynamoDB table {table} ({provenance}) is also listed in {setting}, which is read before"
              + " any EC2 tag: it is served twice, at ordinals {ordinal} and {extraOrdinal}. Remove"
              + " it from {setting}");

  static final LibraryMessage EXTRA_IS_REGISTERED =
      new LibraryMessage(
          6,
          WARNING,
          "Table {table} of {setting} is the table of the registered DynamoDbConfigSource already;"
              + " it is served once, by that source, with its ordinal {ordinal}");

  static final LibraryMessage IDLE =
      new LibraryMessage(
          7,
          DEBUG,
          "DynamoDB config source idle: {phase}; it reads its settings and loads its table when"
              + " the application starts");

  private SourceMessages() {}
}
