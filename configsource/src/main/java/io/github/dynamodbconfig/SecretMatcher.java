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

import java.util.List;

/**
 * Decides from a property name whether its value is secret: case-insensitive glob patterns, where
 * {@code *} is any run of characters and {@code ?} one character.
 *
 * <p>Matched code point by code point, with no regular expression: a load asks once per property,
 * and a regular expression of leading {@code *}s backtracks through every name (a sixth of a
 * 1,000-item load's time, docs/performance.md).
 */
final class SecretMatcher {

  /** What a secret value looks like wherever the library prints one. */
  static final String MASK = "***";

  private final List<String> globs;
  private final List<int[]> folded;

  private SecretMatcher(List<String> globs) {
    this.globs = List.copyOf(globs);
    this.folded = this.globs.stream().map(SecretMatcher::fold).toList();
  }

  /** {@code value} as the library prints it: {@link #MASK} when it is secret. */
  static String printable(String value, boolean secret) {
    return secret ? MASK : value;
  }

  static SecretMatcher of(List<String> globs) {
    return new SecretMatcher(globs);
  }

  /** True when {@code name} matches one of the patterns. */
  boolean matches(String name) {
    for (int[] glob : folded) {
      if (matches(glob, name)) {
        return true;
      }
    }
    return false;
  }

  /** The code points, each case-folded as a case-insensitive Unicode regular expression does. */
  private static int[] fold(String text) {
    return text.codePoints().map(SecretMatcher::fold).toArray();
  }

  private static int fold(int codePoint) {
    if (codePoint < 0x80) { // ASCII, most names: the same fold, without the Unicode tables
      return codePoint >= 'A' && codePoint <= 'Z' ? codePoint + ('a' - 'A') : codePoint;
    }
    return Character.toLowerCase(Character.toUpperCase(codePoint));
  }

  /**
   * Glob matching with one backtrack point, the last {@code *} seen: linear for the usual patterns,
   * never worse than glob length × text length. The text is folded as it is read, so a match
   * allocates nothing.
   */
  private static boolean matches(int[] glob, String text) {
    int g = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      int codePoint = text.codePointAt(t);
      if (g < glob.length && glob[g] == '*') {
        star = g++;
        resume = t;
      } else if (g < glob.length && (glob[g] == '?' || glob[g] == fold(codePoint))) {
        g++;
        t += Character.charCount(codePoint);
      } else if (star >= 0) {
        g = star + 1;
        resume += Character.charCount(text.codePointAt(resume));
        t = resume;
      } else {
        return false;
      }
    }
    while (g < glob.length && glob[g] == '*') {
      g++;
    }
    return g == glob.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretMatcher that && that.globs.equals(globs);
  }

  @Override
  public int hashCode() {
    return globs.hashCode();
  }

  @Override
  public String toString() {
    return String.join(",", globs);
  }
}
