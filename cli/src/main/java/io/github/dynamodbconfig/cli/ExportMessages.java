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
import static io.github.dynamodbconfig.cli.Message.progress;
import static io.github.dynamodbconfig.cli.Message.warning;

/** Messages of {@code export}: DDBCFG-1500 to 1599. Its standard output is data, never these. */
final class ExportMessages {

  static final Message LEFT_OUT = warning(1501, "left out: %s");

  static final Message NO_KEY =
      warning(1502, "left out: an item of table '%s' without an S key attribute '%s'");

  static final Message NO_VALUE =
      warning(1503, "left out: an item of table '%s' without a value attribute '%s'");

  static final Message SECRETS =
      error(
          1504,
          "Table '%s' holds %s, and a batch-write file must hold their values to be loaded: give"
              + " --reveal-secrets, and keep the file where secrets may be");

  static final Message EXPORTING = progress(1505, "Exporting %d of %d items");

  private ExportMessages() {}
}
