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
import static java.lang.System.Logger.Level.WARNING;

/**
 * The lines of refreshing: a change published, a failed or empty reload (in full at a streak's
 * first, short after it), the end of such a streak, a refresh that stopped by itself.
 */
final class RefreshMessages {

  static final LibraryMessage CHANGED =
      new LibraryMessage(
          601, INFO, "Refreshed DynamoDB {table}: {count} changed: {names}{version}");

  static final LibraryMessage FAILED =
      new LibraryMessage(
          602,
          WARNING,
          "Refresh of DynamoDB {table} failed; the source keeps its last loaded values until a"
              + " refresh succeeds: {cause}");

  static final LibraryMessage FAILED_AGAIN =
      new LibraryMessage(603, DEBUG, "Refresh of DynamoDB {table} failed again");

  static final LibraryMessage SUCCEEDED_AGAIN =
      new LibraryMessage(604, INFO, "Refresh of DynamoDB {table} succeeded again after {failures}");

  static final LibraryMessage EMPTY_READ =
      new LibraryMessage(
          605,
          WARNING,
          "Refresh of DynamoDB {table} found no property; the source keeps its last {properties}"
              + " (a refresh never empties a running application) until the table has items again");

  static final LibraryMessage EMPTY_READ_AGAIN =
      new LibraryMessage(606, DEBUG, "Refresh of DynamoDB {table} found no property again");

  static final LibraryMessage FOUND_PROPERTIES_AGAIN =
      new LibraryMessage(
          607, INFO, "Refresh of DynamoDB {table} found properties again after {emptyReads}");

  static final LibraryMessage STOPPED_UNCLOSED =
      new LibraryMessage(
          608,
          DEBUG,
          "Refresh of DynamoDB {table} stopped: its source was garbage-collected without close()");

  private RefreshMessages() {}
}
