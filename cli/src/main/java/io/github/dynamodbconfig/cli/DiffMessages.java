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

import static io.github.dynamodbconfig.cli.Message.Level.OUTPUT;
import static io.github.dynamodbconfig.cli.Message.Level.PART;

/** Messages of {@code diff}: DDBCFG-1600 to 1699. */
final class DiffMessages {

  static final Message ONLY_IN = new Message(1601, OUTPUT, "Only in %s (%d):");

  static final Message KEY = new Message(1602, OUTPUT, "  %s");

  static final Message DIFFERENT = new Message(1603, OUTPUT, "Different (%d):");

  static final Message VALUES = new Message(1604, OUTPUT, "  %s: %s | %s");

  static final Message SECRETS = new Message(1605, OUTPUT, "  %s: %s");

  static final Message SECRETS_DIFFER = new Message(1606, PART, "secret values differ");

  static final Message SAME = new Message(1607, OUTPUT, "The tables are the same");

  private DiffMessages() {}
}
