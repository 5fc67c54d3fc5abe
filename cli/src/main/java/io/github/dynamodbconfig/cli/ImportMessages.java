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

import static io.github.dynamodbconfig.cli.Message.detail;
import static io.github.dynamodbconfig.cli.Message.error;
import static io.github.dynamodbconfig.cli.Message.output;
import static io.github.dynamodbconfig.cli.Message.part;
import static io.github.dynamodbconfig.cli.Message.progress;

/**
 * Messages of {@code import} (and of {@code set}, which plans and checks as an import does): its
 * checks, its plan and what it wrote. DDBCFG-1200 to 1299.
 */
final class ImportMessages {

  static final Message PROBLEMS = error(1201, "%s: %s; nothing was written to table '%s'");

  static final Message STOPPED = error(1202, "The import into table '%s' stopped: %s");

  static final Message ADDED = output(1203, "+ %s = %s");

  static final Message CHANGED = output(1204, "~ %s = %s (was %s)%s");

  static final Message REMOVED = output(1205, "- %s");

  static final Message NOW_SECRET = part(1206, ", now marked secret");

  static final Message NO_LONGER_SECRET = part(1207, ", no longer marked secret");

  static final Message NO_VALUE = part(1208, "(no value)");

  static final Message SHORTENED = part(1240, "%s… (%,d characters)");

  static final Message UNCHANGED = output(1209, "%d unchanged");

  static final Message WROTE = output(1210, "Wrote %s to table '%s'");

  static final Message NOTHING_TO_CHANGE = output(1211, "Nothing to change in table '%s'");

  static final Message WRITING = progress(1212, "Writing %d of %d items");

  static final Message LINE = detail(1220, "line %d: %s");

  static final Message STAMP_KEY =
      detail(1221, "%s is the key of the table's change stamp, which is no setting");

  static final Message EMPTY_VALUE =
      detail(
          1222,
          "%s has an empty value, which an application reads as absent; leave the key out (or"
              + " remove it with unset)");

  static final Message MASKED =
      detail(
          1223,
          "%s holds %s, the mask of an export without --reveal-secrets, not a secret's value");

  static final Message SECRET_NOT_IN_FILE =
      detail(1224, "--secret %s names a key the file does not hold");

  static final Message ITEM_SIZE =
      detail(
          1230,
          "%s is %,d bytes as DynamoDB counts an item, over its limit of %,d bytes (400 KB); keep a"
              + " value this large elsewhere (a file, an object store) and set where it is");

  static final Message KEY_SIZE =
      detail(
          1231,
          "%s is a key of %,d bytes in UTF-8, over DynamoDB's limit of %,d bytes for a key; choose"
              + " a shorter key");

  static final Message DEPTH =
      detail(1232, "%s nests %d levels deep, over DynamoDB's limit of %d; give it a flatter value");

  static final Message NUMBER =
      detail(
          1233,
          "%s holds a number DynamoDB cannot store (38 significant digits, 1E-130 to 1E126); give"
              + " it within that range, or as a string");

  static final Message EMPTY_SET =
      detail(
          1234,
          "%s holds an empty set, which DynamoDB does not store; give the set an element, or leave"
              + " it out");

  static final Message NAME_SIZE =
      detail(
          1235,
          "%s holds a map key of %,d bytes, over DynamoDB's limit of %,d bytes for an attribute"
              + " name; choose a shorter name");

  private ImportMessages() {}
}
