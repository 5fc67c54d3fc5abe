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
package io.github.dynamodbconfig;

import java.time.Duration;

/** Small wording rules shared by every message of the library. */
final class MessageText {

  private MessageText() {}

  /** {@code 1 property}, {@code 3 properties}. */
  static String count(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  /**
   * {@code text} with control characters and whitespace other than a space escaped as Unicode
   * escapes (a backslash, u, four hex digits), so that a name read from a table or a tag cannot
   * forge a log line.
   */
  static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && (Character.isWhitespace(c) || Character.isISOControl(c))) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code 'text'}, escaped. */
  static String quoted(String text) {
    return "'" + escaped(text) + "'";
  }

  /** {@code 45 s}, {@code 12 min}, {@code 3 h 12 min}. */
  static String age(Duration age) {
    if (age.toMinutes() < 1) {
      return age.toSeconds() + " s";
    }
    if (age.toHours() < 1) {
      return age.toMinutes() + " min";
    }
    return age.toHours() + " h " + age.toMinutesPart() + " min";
  }
}
