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

import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The secret values that the tests of this JVM have put in their tables, for {@link SecretGuard} to
 * look for: every value of an item made with {@link Items#secretItem}, and every value of an item
 * made with {@link Items#item} or {@link LocalDynamoDb#put} whose key matches one of {@link
 * #DEFAULT_SECRET_KEYS}. Values are kept for the life of the JVM: a value that one test class wrote
 * must not show up in the output of a later one either.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} are not looked for (a secret {@code "x"} would be
 * found everywhere); tests give secrets distinctive values, such as {@link ExampleTable#DB_PASS}.
 * Of a value longer than {@link #MAX_LENGTH}, its first {@code MAX_LENGTH} characters are looked
 * for.
 */
public final class SecretValues {

  /**
   * The library's default {@code dynamodb.config.secret-keys}: the testkit cannot depend on the
   * library, so a library test checks that the two lists are the same.
   */
  public static final List<String> DEFAULT_SECRET_KEYS =
      List.of("*pass*", "*pwd*", "*secret*", "*token*", "*credential*", "*key*");

  /** Shorter values are not looked for. */
  public static final int MIN_LENGTH = 6;

  /** Of longer values, only this many first characters are looked for. */
  public static final int MAX_LENGTH = 256;

  private static final Pattern DEFAULT_PATTERN =
      Pattern.compile(
          DEFAULT_SECRET_KEYS.stream()
              .map(glob -> glob.replace("*", ".*"))
              .collect(Collectors.joining("|")),
          Pattern.CASE_INSENSITIVE);

  /** Value looked for, with the key it was stored under. */
  private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

  static {
    register("db_pass", ExampleTable.DB_PASS);
    register("aws.secretAccessKey", LocalDynamoDb.SECRET_ACCESS_KEY);
  }

  private SecretValues() {}

  /** Remembers {@code value}, stored under {@code key}, as a secret. */
  public static void register(String key, String value) {
    if (value == null || value.length() < MIN_LENGTH) {
      return;
    }
    VALUES.putIfAbsent(value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value, key);
  }

  /**
   * Remembers every scalar inside {@code value} as a secret of {@code key}, in the form the library
   * exposes it (strings and numbers as stored, binaries in Base64).
   */
  public static void register(String key, AttributeValue value) {
    switch (value.type()) {
      case S -> register(key, value.s());
      case N -> register(key, value.n());
      case B -> register(key, base64(value.b()));
      case SS -> value.ss().forEach(element -> register(key, element));
      case NS -> value.ns().forEach(element -> register(key, element));
      case BS -> value.bs().forEach(element -> register(key, base64(element)));
      case L -> value.l().forEach(element -> register(key, element));
      case M -> value.m().forEach((name, element) -> register(key + "." + name, element));
      default -> {
        // BOOL and NULL hold nothing secret
      }
    }
  }

  /** Remembers the value of an item stored under {@code key} when the key looks secret. */
  static void registerIfSecretKey(String key, AttributeValue value) {
    if (isSecretKey(key)) {
      register(key, value);
    }
  }

  /** True when {@code key} matches one of {@link #DEFAULT_SECRET_KEYS}, ignoring case. */
  public static boolean isSecretKey(String key) {
    return DEFAULT_PATTERN.matcher(key).matches();
  }

  /** Every value looked for, with its key. */
  static Map<String, String> all() {
    return Collections.unmodifiableMap(VALUES);
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
  }
}
