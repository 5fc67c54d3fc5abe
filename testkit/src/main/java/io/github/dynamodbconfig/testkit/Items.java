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

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short factories for DynamoDB attribute values and config items, for readable tests. */
public final class Items {

  private Items() {}

  /** A string value. */
  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  /** A number value, as written. */
  public static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  /** A boolean value. */
  public static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  /** The NULL value. */
  public static AttributeValue nul() {
    return AttributeValue.fromNul(true);
  }

  /** A binary value. */
  public static AttributeValue b(byte[] value) {
    return AttributeValue.fromB(SdkBytes.fromByteArray(value));
  }

  /** A list. */
  public static AttributeValue l(AttributeValue... values) {
    return AttributeValue.fromL(List.of(values));
  }

  /** A map. */
  public static AttributeValue m(Map<String, AttributeValue> values) {
    return AttributeValue.fromM(values);
  }

  /** A string set. */
  public static AttributeValue ss(String... values) {
    return AttributeValue.fromSs(List.of(values));
  }

  /** A number set. */
  public static AttributeValue ns(String... values) {
    return AttributeValue.fromNs(List.of(values));
  }

  /** A binary set. */
  public static AttributeValue bs(byte[]... values) {
    return AttributeValue.fromBs(Arrays.stream(values).map(SdkBytes::fromByteArray).toList());
  }

  /**
   * A config item marked secret: {@code {Parameter: key, Value: value, Secret: true}}. Its value is
   * registered with {@link SecretValues}, so {@link SecretGuard} fails a test that lets it out.
   */
  public static Map<String, AttributeValue> secretItem(String key, AttributeValue value) {
    SecretValues.register(key, value);
    return Map.of("Parameter", s(key), "Value", value, "Secret", bool(true));
  }

  /**
   * A config item {@code {Parameter: key, Value: value}}. When the key matches one of the library's
   * default secret patterns, the value is registered with {@link SecretValues}.
   */
  public static Map<String, AttributeValue> item(String key, AttributeValue value) {
    SecretValues.registerIfSecretKey(key, value);
    return Map.of("Parameter", s(key), "Value", value);
  }
}
