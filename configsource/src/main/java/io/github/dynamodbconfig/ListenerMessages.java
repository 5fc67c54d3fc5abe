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
 * The lines of telling listeners about changes: a listener that threw or has not returned in time
 * (in full at a streak's first, short after it), the end of such a streak, and an executor that
 * refused a delivery. A listener's exception is named by its class and where it was thrown, never
 * by its message, which may quote a value.
 */
final class ListenerMessages {

  static final LibraryMessage THREW =
      new LibraryMessage(
          901,
          WARNING,
          "Listener {listener} of DynamoDB {table} threw {exception} at {where} on a change of"
              + " {names}; refreshing goes on, and the listener gets the next change");

  static final LibraryMessage THREW_AGAIN =
      new LibraryMessage(902, DEBUG, "Listener {listener} of DynamoDB {table} threw again");

  static final LibraryMessage RETURNS_AGAIN =
      new LibraryMessage(
          903,
          INFO,
          "Listener {listener} of DynamoDB {table} returned normally and in time again, after"
              + " {calls} that did not");

  static final LibraryMessage SLOW =
      new LibraryMessage(
          904,
          WARNING,
          "Listener {listener} of DynamoDB {table} has not returned within {time} of a change"
              + " of {names}; refreshing goes on, and the changes published meanwhile reach the"
              + " listener as one when it returns");

  static final LibraryMessage SLOW_AGAIN =
      new LibraryMessage(
          905, DEBUG, "Listener {listener} of DynamoDB {table} has not returned in time again");

  static final LibraryMessage REFUSED =
      new LibraryMessage(
          906,
          WARNING,
          "The executor of listener {listener} of DynamoDB {table} refused a change of {names}"
              + " ({exception}); the listener gets it with the next change");

  private ListenerMessages() {}
}
