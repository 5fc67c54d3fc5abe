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

/** Messages of the command line itself: DDBCFG-1000 to 1099. */
final class UsageMessages {

  static final Message MISSING_COMMAND = error(1001, "Missing a command");

  static final Message NO_TABLE =
      error(1002, "No table given: give --role ROLE or --table NAME (or set %s or %s)");

  static final Message ROLE_AND_TABLE = error(1003, "Give --role or --table, not both");

  static final Message UNKNOWN_FORMAT =
      error(1004, "Unknown format '%s': use properties, json or batch-write");

  static final Message PROVISIONED =
      error(1005, "--provisioned needs two positive numbers, READ,WRITE: e.g. 5,5");

  static final Message BATCH_OPTIONS =
      error(1006, "--target-table and --batch-dir go with --format batch-write only");

  static final Message BATCH_DIR_USED =
      error(1007, "%s already holds batch files: give an empty or new directory");

  static final Message UNEXPECTED = error(1099, "unexpected failure: %s");

  private UsageMessages() {}
}
