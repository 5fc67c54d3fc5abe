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

import static io.github.dynamodbconfig.cli.Message.output;
import static io.github.dynamodbconfig.cli.Message.part;

/** Messages of {@code diff}: DDBCFG-1600 to 1699. */
final class DiffMessages {

  static final Message ONLY_IN = output(1601, "Only in %s (%d):");

  static final Message KEY = output(1602, "  %s");

  static final Message DIFFERENT = output(1603, "Different (%d):");

  static final Message VALUES = output(1604, "  %s: %s | %s");

  static final Message SECRETS = output(1605, "  %s: %s");

  static final Message SECRETS_DIFFER = part(1606, "secret values differ");

  static final Message SAME = output(1607, "The tables are the same");

  private DiffMessages() {}
}
