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

/** Messages of the command line itself: DDBCFG-1000 to 1099. */
final class UsageMessages {

  static final Message MISSING_COMMAND = new Message(1001, ERROR, "Missing a command");

  static final Message NO_TABLE =
      new Message(
          1002, ERROR, "No table given: give --role ROLE or --table NAME (or set %s or %s)");

  static final Message ROLE_AND_TABLE =
      new Message(1003, ERROR, "Give --role or --table, not both");

  static final Message UNKNOWN_FORMAT =
      new Message(1004, ERROR, "Unknown format '%s': use properties, json or batch-write");

  static final Message PROVISIONED =
      new Message(1005, ERROR, "--provisioned needs two positive numbers, READ,WRITE: e.g. 5,5");

  static final Message BATCH_OPTIONS =
      new Message(1006, ERROR, "--target-table and --batch-dir go with --format batch-write only");

  static final Message BATCH_DIR_USED =
      new Message(1007, ERROR, "%s already holds batch files: give an empty or new directory");

  static final Message UNEXPECTED = new Message(1099, ERROR, "unexpected failure: %s");

  private UsageMessages() {}
}
