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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides from a property name whether its value is secret: case-insensitive glob patterns, where
 * {@code *} is any run of characters and {@code ?} one character.
 */
final class SecretMatcher {

  /** What a secret value looks like wherever the library prints one. */
  static final String MASK = "***";

  private final List<String> globs;
  private final Pattern pattern;

  private SecretMatcher(List<String> globs) {
    this.globs = List.copyOf(globs);
    this.pattern =
        globs.isEmpty()
            ? null
            : Pattern.compile(
                globs.stream().map(SecretMatcher::toRegex).collect(Collectors.joining("|")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  static SecretMatcher of(List<String> globs) {
    return new SecretMatcher(globs);
  }

  /** True when {@code name} matches one of the patterns. */
  boolean matches(String name) {
    return pattern != null && pattern.matcher(name).matches();
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder("(?:");
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return regex.append(')').toString();
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
