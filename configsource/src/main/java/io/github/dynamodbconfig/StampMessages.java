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
import static java.lang.System.Logger.Level.WARNING;

/** The lines of the change stamp's rule: a change waited out, a writer gone, a round skipped. */
final class StampMessages {

  static final LibraryMessage OUTLASTED_START_UP =
      new LibraryMessage(
          501,
          WARNING,
          "DynamoDB {table} was being changed (its change stamp is in progress) until the end of"
              + " {setting}={timeout}; loaded as it was read, and read again in full at the first"
              + " refresh");

  /** WARNING the first time in a streak, DEBUG while the same stamp stays abandoned. */
  static final LibraryMessage ABANDONED =
      new LibraryMessage(
          502,
          WARNING,
          "The change stamp of DynamoDB {table} has been in progress since {since}, longer than"
              + " {setting}={interval}: its writer is taken as gone, and the table is read as it"
              + " is");

  static final LibraryMessage NOTHING_THIS_ROUND =
      new LibraryMessage(
          503, DEBUG, "Refresh of DynamoDB {table} publishes nothing this round: {why}");

  private StampMessages() {}
}
