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

/**
 * How the tool shows a key or a value on one line, with the library's escaping and mask: secrets as
 * the library masks them, control characters escaped; and how it words a count.
 */
final class Display {

  /** How many characters of a long value plans and diffs show, without {@code --full-values}. */
  static final int SHORT = 80;

  private Display() {}

  /** What every secret value is shown as without a {@code --reveal-*} option. */
  static String mask() {
    return ConfigTable.secretMask();
  }

  /**
   * {@code value} on one line: a string, number or boolean as it is, anything else in DynamoDB's
   * typed JSON; the mask when {@code secret}; {@code (no value)} when there is none.
   */
  static String value(AttributeValue value, boolean secret) {
    if (value == null) {
      return ImportMessages.NO_VALUE.format();
    }
    if (secret) {
      return mask();
    }
    return text(plain(value));
  }

  /** A string, number or boolean as it is, anything else in DynamoDB's typed JSON. */
  private static String plain(AttributeValue value) {
    return switch (value.type()) {
      case S -> value.s();
      case N -> value.n();
      case BOOL -> value.bool().toString();
      default -> DynamoJsonWriter.typedText(value);
    };
  }

  /**
   * {@code value} as {@link #value(AttributeValue, boolean)} shows it, but one over {@value #SHORT}
   * characters as its first {@value #SHORT} and its length ({@code abc… (1,000 characters)}),
   * unless {@code full}.
   */
  static String value(AttributeValue value, boolean secret, boolean full) {
    if (full || value == null || secret) {
      return value(value, secret);
    }
    String text = plain(value);
    int length = text.codePointCount(0, text.length());
    if (length <= SHORT) {
      return text(text);
    }
    String start = text.substring(0, text.offsetByCodePoints(0, SHORT));
    return ImportMessages.SHORTENED.format(text(start), length);
  }

  /** {@code text} with its control characters escaped. */
  static String text(String text) {
    return ConfigTable.escaped(text);
  }

  /** {@code key} with its control characters escaped. */
  static String key(String key) {
    return ConfigTable.escaped(key);
  }

  /** {@code 1 problem}, {@code 2 problems}: {@code count} with the word for one or for many. */
  static String count(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
