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
import static io.github.dynamodbconfig.cli.Message.Level.OUTPUT;
import static io.github.dynamodbconfig.cli.Message.Level.PART;

/** Messages of {@code check}: DDBCFG-1700 to 1799. */
final class CheckMessages {

  static final Message CHECKED =
      new Message(1701, OUTPUT, "Checked %s of %s against table '%s': %s");

  static final Message ALL_PRESENT = new Message(1702, OUTPUT, "Every required key is present");

  static final Message MISSING = new Message(1703, OUTPUT, "Missing (%d):");

  static final Message REQUIRED_BY = new Message(1704, OUTPUT, "  %s, required by %s#%s");

  static final Message PARAMETER = new Message(1705, PART, "parameter %d");

  static final Message PROPERTIES_FILE =
      new Message(1710, ERROR, "Cannot read the properties file %s: %s");

  static final Message NO_APPLICATION =
      new Message(1711, ERROR, "No application at %s: give a jar, a war or a classes directory");

  static final Message APPLICATION = new Message(1712, ERROR, "Cannot read the application %s: %s");

  static final Message NO_CLASS = new Message(1713, ERROR, "No class file found in %s");

  static final Message INVALID_ITEMS =
      new Message(1714, ERROR, "Table '%s' has items that an application cannot read: %s");

  private CheckMessages() {}
}
