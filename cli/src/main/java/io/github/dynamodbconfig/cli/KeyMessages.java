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

import static io.github.dynamodbconfig.cli.Message.error;
import static io.github.dynamodbconfig.cli.Message.note;
import static io.github.dynamodbconfig.cli.Message.output;
import static io.github.dynamodbconfig.cli.Message.part;

/** Messages of {@code get}, {@code set} and {@code unset}: DDBCFG-1400 to 1499. */
final class KeyMessages {

  static final Message NOT_SET = note(1401, "Key %s is not set in table '%s'");

  static final Message EMPTY =
      note(1402, "Key %s of table '%s' has an empty value, which an application reads as absent");

  static final Message INVALID = error(1403, "An application cannot read key %s: %s");

  static final Message CANNOT_SET = error(1410, "Cannot set %s in table '%s'");

  static final Message VALUE_INVALID = error(1411, "VALUE is not a valid %s: %s");

  static final Message STANDARD_INPUT =
      error(1412, "Cannot read the value from standard input: %s");

  static final Message ARRAY = part(1413, "a JSON array is expected");

  static final Message OBJECT = part(1414, "a JSON object is expected");

  static final Message STRINGS = part(1415, "a JSON array of strings is expected");

  static final Message NUMBERS = part(1416, "a JSON array of numbers is expected");

  static final Message NO_TWICE = part(1417, "a set without an element twice is expected");

  static final Message BOOLEAN = part(1418, "true or false is expected");

  static final Message STAMP_KEY =
      error(1420, "%s is the key of the table's change stamp, which is no setting");

  static final Message UNSET_STOPPED = error(1421, "The unset in table '%s' stopped: %s");

  static final Message NOT_SET_BEFORE = output(1422, "%s was not set in table '%s'");

  private KeyMessages() {}
}
