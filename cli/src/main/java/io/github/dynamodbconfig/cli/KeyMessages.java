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

import static io.github.dynamodbconfig.cli.Message.Level.ERROR;
import static io.github.dynamodbconfig.cli.Message.Level.NOTE;
import static io.github.dynamodbconfig.cli.Message.Level.OUTPUT;
import static io.github.dynamodbconfig.cli.Message.Level.PART;

/** Messages of {@code get}, {@code set} and {@code unset}: DDBCFG-1400 to 1499. */
final class KeyMessages {

  static final Message NOT_SET = new Message(1401, NOTE, "Key %s is not set in table '%s'");

  static final Message EMPTY =
      new Message(
          1402,
          NOTE,
          "Key %s of table '%s' has an empty value, which an application reads as absent");

  static final Message INVALID = new Message(1403, ERROR, "An application cannot read key %s: %s");

  static final Message CANNOT_SET = new Message(1410, ERROR, "Cannot set %s in table '%s'");

  static final Message VALUE_INVALID = new Message(1411, ERROR, "VALUE is not a valid %s: %s");

  static final Message STANDARD_INPUT =
      new Message(1412, ERROR, "Cannot read the value from standard input: %s");

  static final Message ARRAY = new Message(1413, PART, "a JSON array is expected");

  static final Message OBJECT = new Message(1414, PART, "a JSON object is expected");

  static final Message STRINGS = new Message(1415, PART, "a JSON array of strings is expected");

  static final Message NUMBERS = new Message(1416, PART, "a JSON array of numbers is expected");

  static final Message NO_TWICE =
      new Message(1417, PART, "a set without an element twice is expected");

  static final Message BOOLEAN = new Message(1418, PART, "true or false is expected");

  static final Message STAMP_KEY =
      new Message(
          1420,
          ERROR,
          "%s is a key the library reserves (the table's change stamp or keyring), which is no setting");

  static final Message UNSET_STOPPED =
      new Message(1421, ERROR, "The unset in table '%s' stopped: %s");

  static final Message NOT_SET_BEFORE = new Message(1422, OUTPUT, "%s was not set in table '%s'");

  private KeyMessages() {}
}
