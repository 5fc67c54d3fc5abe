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
package io.github.dynamodbconfig.testkit;

import io.github.dynamodbconfig.testkit.SecretGuard.Channel;
import io.github.dynamodbconfig.testkit.SecretGuard.Leak;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds the secret values of {@link SecretValues} in a text and masks them: every value found
 * becomes a {@link Leak}, whose excerpt shows each secret value as {@code <secret of KEY>}.
 */
final class SecretScanner {

  private static final int EXCERPT_RADIUS = 200;

  private SecretScanner() {}

  /** Every secret value in {@code text}, as leaks. */
  static List<Leak> find(String text, Channel channel, String origin, String test, Instant at) {
    List<Leak> leaks = new ArrayList<>();
    Map<String, String> values = SecretValues.all();
    for (Map.Entry<String, String> secret : values.entrySet()) {
      if (text.contains(secret.getKey())) {
        leaks.add(
            new Leak(
                secret.getValue(),
                channel,
                mask(origin),
                mask(test),
                excerpt(text, secret.getValue()),
                at));
      }
    }
    return leaks;
  }

  /** {@code text} with every secret value replaced by {@code <secret of KEY>}, longest first. */
  static String mask(String text) {
    String masked = text;
    List<Map.Entry<String, String>> values =
        SecretValues.all().entrySet().stream()
            .sorted(
                Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length())
                    .reversed())
            .toList();
    for (Map.Entry<String, String> secret : values) {
      masked = masked.replace(secret.getKey(), placeholder(secret.getValue()));
    }
    return masked;
  }

  /** The stack trace of {@code throwable} as {@link Throwable#printStackTrace()} prints it. */
  static String printed(Throwable throwable) {
    StringWriter text = new StringWriter();
    throwable.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /** The text around the first occurrence of {@code key}'s value, masked, on one line. */
  private static String excerpt(String text, String key) {
    // Masked before cutting: a cut through another secret value would leave part of it.
    String masked = mask(text);
    int index = Math.max(0, masked.indexOf(placeholder(key)));
    int from = Math.max(0, index - EXCERPT_RADIUS);
    int to = Math.min(masked.length(), index + placeholder(key).length() + EXCERPT_RADIUS);
    return (from > 0 ? "..." : "")
        + masked.substring(from, to).replace("\r", "").replace("\n", " | ").replace("\t", " ")
        + (to < masked.length() ? "..." : "");
  }

  private static String placeholder(String key) {
    return "<secret of " + key + ">";
  }
}
