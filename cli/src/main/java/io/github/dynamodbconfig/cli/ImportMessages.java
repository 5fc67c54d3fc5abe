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

import static io.github.dynamodbconfig.cli.Message.Level.DETAIL;
import static io.github.dynamodbconfig.cli.Message.Level.ERROR;
import static io.github.dynamodbconfig.cli.Message.Level.OUTPUT;
import static io.github.dynamodbconfig.cli.Message.Level.PART;
import static io.github.dynamodbconfig.cli.Message.Level.PROGRESS;

/**
 * Messages of {@code import} (and of {@code set}, which plans and checks as an import does): its
 * checks, its plan and what it wrote. DDBCFG-1200 to 1299.
 */
final class ImportMessages {

  static final Message PROBLEMS =
      new Message(1201, ERROR, "%s: %s; nothing was written to table '%s'");

  static final Message STOPPED = new Message(1202, ERROR, "The import into table '%s' stopped: %s");

  static final Message ADDED = new Message(1203, OUTPUT, "+ %s = %s");

  static final Message CHANGED = new Message(1204, OUTPUT, "~ %s = %s (was %s)%s");

  static final Message REMOVED = new Message(1205, OUTPUT, "- %s");

  static final Message NOW_SECRET = new Message(1206, PART, ", now marked secret");

  static final Message NO_LONGER_SECRET = new Message(1207, PART, ", no longer marked secret");

  static final Message NO_VALUE = new Message(1208, PART, "(no value)");

  static final Message SHORTENED = new Message(1240, PART, "%s… (%,d characters)");

  static final Message UNCHANGED = new Message(1209, OUTPUT, "%d unchanged");

  static final Message WROTE = new Message(1210, OUTPUT, "Wrote %s to table '%s'");

  static final Message NOTHING_TO_CHANGE =
      new Message(1211, OUTPUT, "Nothing to change in table '%s'");

  static final Message WRITING = new Message(1212, PROGRESS, "Writing %d of %d items");

  static final Message LINE = new Message(1220, DETAIL, "line %d: %s");

  static final Message STAMP_KEY =
      new Message(
          1221,
          DETAIL,
          "%s is a key the library reserves (the table's change stamp or keyring), which is no setting");

  static final Message EMPTY_VALUE =
      new Message(
          1222,
          DETAIL,
          "%s has an empty value, which an application reads as absent; leave the key out (or"
              + " remove it with unset)");

  static final Message MASKED =
      new Message(
          1223,
          DETAIL,
          "%s holds %s, the mask of an export without --reveal-secrets, not a secret's value");

  static final Message SECRET_NOT_IN_FILE =
      new Message(1224, DETAIL, "--secret %s names a key the file does not hold");

  static final Message ITEM_SIZE =
      new Message(
          1230,
          DETAIL,
          "%s is %,d bytes as DynamoDB counts an item, over its limit of %,d bytes (400 KB); keep a"
              + " value this large elsewhere (a file, an object store) and set where it is");

  static final Message KEY_SIZE =
      new Message(
          1231,
          DETAIL,
          "%s is a key of %,d bytes in UTF-8, over DynamoDB's limit of %,d bytes for a key; choose"
              + " a shorter key");

  static final Message DEPTH =
      new Message(
          1232,
          DETAIL,
          "%s nests %d levels deep, over DynamoDB's limit of %d; give it a flatter value");

  static final Message NUMBER =
      new Message(
          1233,
          DETAIL,
          "%s holds a number DynamoDB cannot store (38 significant digits, 1E-130 to 1E126); give"
              + " it within that range, or as a string");

  static final Message EMPTY_SET =
      new Message(
          1234,
          DETAIL,
          "%s holds an empty set, which DynamoDB does not store; give the set an element, or leave"
              + " it out");

  static final Message NAME_SIZE =
      new Message(
          1235,
          DETAIL,
          "%s holds a map key of %,d bytes, over DynamoDB's limit of %,d bytes for an attribute"
              + " name; choose a shorter name");

  private ImportMessages() {}
}
