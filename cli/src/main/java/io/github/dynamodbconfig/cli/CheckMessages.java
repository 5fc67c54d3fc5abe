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
import static io.github.dynamodbconfig.cli.Message.output;
import static io.github.dynamodbconfig.cli.Message.part;

/** Messages of {@code check}: DDBCFG-1700 to 1799. */
final class CheckMessages {

  static final Message CHECKED =
      output(1701, "Checked %d classes of %s against table '%s': %d required keys");

  static final Message ALL_PRESENT = output(1702, "Every required key is present");

  static final Message MISSING = output(1703, "Missing (%d):");

  static final Message REQUIRED_BY = output(1704, "  %s, required by %s#%s");

  static final Message PARAMETER = part(1705, "parameter %d");

  static final Message PROPERTIES_FILE = error(1710, "Cannot read the properties file %s: %s");

  static final Message NO_APPLICATION =
      error(1711, "No application at %s: give a jar, a war or a classes directory");

  static final Message APPLICATION = error(1712, "Cannot read the application %s: %s");

  static final Message NO_CLASS = error(1713, "No class file found in %s");

  private CheckMessages() {}
}
