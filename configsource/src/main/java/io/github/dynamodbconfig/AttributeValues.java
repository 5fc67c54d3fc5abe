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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a DynamoDB attribute value into MicroProfile Config properties, type by type as
 * docs/values.md lists them: pure static functions.
 */
final class AttributeValues {

  /** DynamoDB's own limit on nesting of lists and maps. */
  static final int MAX_DEPTH = 32;

  private AttributeValues() {}

  /** Why a value cannot be turned into properties; the message never holds the value. */
  static final class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidValueException(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The properties of the value stored under {@code key}, in name order; empty when the value is
   * absent in MicroProfile terms.
   */
  static Map<String, String> toProperties(String key, AttributeValue value)
      throws InvalidValueException {
    if (isScalar(value)) { // most items: one property, or none
      String scalar = scalar(value);
      return scalar.isEmpty() ? Map.of() : Map.of(key, scalar);
    }
    Map<String, String> properties = new TreeMap<>();
    flatten(key, value, 0, properties);
    return properties;
  }

  private static void flatten(String name, AttributeValue value, int depth, Map<String, String> out)
      throws InvalidValueException {
    if (depth > MAX_DEPTH) {
      throw new InvalidValueException(
          "nested deeper than " + MAX_DEPTH + " levels at '" + name + "'");
    }
    switch (value.type()) {
      case M -> {
        for (Map.Entry<String, AttributeValue> entry : new TreeMap<>(value.m()).entrySet()) {
          if (entry.getKey().isEmpty()) {
            throw new InvalidValueException("map at '" + name + "' has an empty attribute name");
          }
          flatten(name + "." + entry.getKey(), entry.getValue(), depth + 1, out);
        }
      }
      case L -> {
        List<AttributeValue> list = value.l();
        if (list.stream().allMatch(AttributeValues::isScalar)) {
          put(name, joined(scalars(name, list)), out);
        } else {
          for (int i = 0; i < list.size(); i++) {
            int before = out.size();
            flatten(name + "[" + i + "]", list.get(i), depth + 1, out);
            if (out.size() == before) {
              throw new InvalidValueException(
                  "list at '"
                      + name
                      + "' has an empty element at index "
                      + i
                      + " (NULL, an empty string, list, set or map), which indexed properties"
                      + " cannot express");
            }
          }
        }
      }
      case NUL -> {
        // absent
      }
      case UNKNOWN_TO_SDK_VERSION -> throw unsupported(name);
      default -> {
        if (!isScalar(value) && !isSet(value)) {
          throw unsupported(name);
        }
        put(name, isSet(value) ? joined(sortedSet(name, value)) : scalar(value), out);
      }
    }
  }

  private static InvalidValueException unsupported(String name) {
    return new InvalidValueException("unsupported DynamoDB type at '" + name + "'");
  }

  private static boolean isScalar(AttributeValue value) {
    return switch (value.type()) {
      case S, N, BOOL, B -> true;
      default -> false;
    };
  }

  private static boolean isSet(AttributeValue value) {
    return switch (value.type()) {
      case SS, NS, BS -> true;
      default -> false;
    };
  }

  private static String scalar(AttributeValue value) {
    return switch (value.type()) {
      case S -> value.s();
      case N -> value.n();
      case BOOL -> value.bool().toString();
      case B -> base64(value.b());
      default -> throw new IllegalArgumentException("not a scalar: " + value.type());
    };
  }

  private static List<String> scalars(String name, List<AttributeValue> list)
      throws InvalidValueException {
    List<String> elements = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String element = scalar(list.get(i));
      if (element.isEmpty()) {
        throw new InvalidValueException(
            "list at '"
                + name
                + "' has an empty string at index "
                + i
                + ", which MicroProfile array syntax cannot express");
      }
      elements.add(element);
    }
    return elements;
  }

  private static List<String> sortedSet(String name, AttributeValue value)
      throws InvalidValueException {
    List<String> sorted = sortedSet(value);
    // Sorted, an empty element comes first.
    if (!sorted.isEmpty() && sorted.get(0).isEmpty()) {
      throw new InvalidValueException(
          "set at '"
              + name
              + "' has an empty element, which MicroProfile array syntax cannot express");
    }
    return sorted;
  }

  private static List<String> sortedSet(AttributeValue value) {
    return switch (value.type()) {
      case SS -> value.ss().stream().sorted(AttributeValues::compareCodePoints).toList();
      case NS -> value.ns().stream().sorted(Comparator.comparing(BigDecimal::new)).toList();
      default ->
          value.bs().stream()
              .map(SdkBytes::asByteArrayUnsafe)
              .sorted(Arrays::compareUnsigned)
              .map(bytes -> Base64.getEncoder().encodeToString(bytes))
              .toList();
    };
  }

  /** Code point order, which is also DynamoDB's own (UTF-8 byte) order of strings. */
  private static int compareCodePoints(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  /** Adds a property unless it is empty (absent); a name seen before is an invalid value. */
  private static void put(String name, String value, Map<String, String> out)
      throws InvalidValueException {
    if (value.isEmpty()) {
      return;
    }
    if (out.putIfAbsent(name, value) != null) {
      throw new InvalidValueException("it yields the property '" + name + "' twice");
    }
  }

  /** Elements in MicroProfile array syntax; empty for no elements. */
  private static String joined(List<String> elements) {
    StringBuilder joined = new StringBuilder();
    for (String element : elements) {
      if (joined.length() > 0) {
        joined.append(',');
      }
      escapeInto(element, joined);
    }
    return joined.toString();
  }

  /** Escapes {@code \} and {@code ,} as MicroProfile array syntax requires. */
  private static void escapeInto(String element, StringBuilder out) {
    for (int i = 0; i < element.length(); i++) {
      char c = element.charAt(i);
      if (c == '\\' || c == ',') {
        out.append('\\');
      }
      out.append(c);
    }
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
  }
}
