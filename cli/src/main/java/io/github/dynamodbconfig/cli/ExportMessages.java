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
import static io.github.dynamodbconfig.cli.Message.Level.PROGRESS;
import static io.github.dynamodbconfig.cli.Message.Level.WARNING;

/** Messages of {@code export}: DDBCFG-1500 to 1599. Its standard output is data, never these. */
final class ExportMessages {

  static final Message LEFT_OUT = new Message(1501, WARNING, "left out: %s");

  static final Message NO_KEY =
      new Message(1502, WARNING, "left out: an item of table '%s' without an S key attribute '%s'");

  static final Message NO_VALUE =
      new Message(1503, WARNING, "left out: an item of table '%s' without a value attribute '%s'");

  static final Message SECRETS =
      new Message(
          1504,
          ERROR,
          "Table '%s' holds %s, and a batch-write file must hold their values to be loaded: give"
              + " --reveal-secrets, and keep the file where secrets may be");

  static final Message EXPORTING = new Message(1505, PROGRESS, "Exporting %d of %d items");

  private ExportMessages() {}
}
