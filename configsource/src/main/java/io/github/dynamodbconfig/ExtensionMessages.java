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
import static java.lang.System.Logger.Level.INFO;

/**
 * The lines of the CDI extension's report of table values that another source overrides, logged
 * under the extension's own logger; secret values are {@code ***}.
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

  private ExtensionMessages() {}
}
