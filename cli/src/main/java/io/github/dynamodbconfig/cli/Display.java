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

import io.github.dynamodbconfig.ConfigTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How the tool shows a value on one line: secrets as {@code ***}, control characters escaped. */
final class Display {

  /** What every secret value is shown as without a {@code --reveal-*} option. */
  static final String MASK = "***";

  private Display() {}

  /**
   * {@code value} on one line: a string, number or boolean as it is, anything else in DynamoDB's
   * typed JSON; {@link #MASK} when {@code secret} and not {@code reveal}.
   */
  static String value(AttributeValue value, boolean secret, boolean reveal) {
    if (secret && !reveal) {
      return MASK;
    }
    String text =
        switch (value.type()) {
          case S -> value.s();
          case N -> value.n();
          case BOOL -> value.bool().toString();
          default -> DynamoJsonWriter.typedText(value);
        };
    String quoted = ConfigTable.quoted(text);
    return quoted.substring(1, quoted.length() - 1);
  }

  /** {@code key} with its control characters escaped. */
  static String key(String key) {
    String quoted = ConfigTable.quoted(key);
    return quoted.substring(1, quoted.length() - 1);
  }
}
