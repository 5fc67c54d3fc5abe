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

import io.github.dynamodbconfig.AttributeValues.InvalidValueException;
import io.github.dynamodbconfig.Settings.InvalidItemPolicy;
import io.github.dynamodbconfig.TableLoader.ItemLayout;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The properties of one load of a table: immutable, so lookups read it without locks, and a reload
 * swaps the whole of it at once.
 *
 * <p>{@link #value} reads a {@code HashMap} of its own, through a field of that exact type: the
 * call is monomorphic and inlined, and a name that is not there (most lookups of a source that sits
 * among others) stops at its first empty bucket. {@code Map.copyOf}'s open addressing probes on for
 * a miss, and an unmodifiable view adds a call that other views in the JVM make megamorphic
 * (docs/performance.md, lookup).
 */
final class Snapshot {

  static final Snapshot EMPTY = new Snapshot(Map.of(), Set.of(), Set.of());

  private final HashMap<String, String> values;
  private final Map<String, String> properties;
  private final Set<String> names;
  private final Set<String> secrets;
  private final Set<String> skipped;

  /**
   * @param properties every property name with its value
   * @param names the property names (kept apart so that {@code getPropertyNames()} allocates
   *     nothing)
   * @param secrets the names whose values are secret
   */
  Snapshot(Map<String, String> properties, Set<String> names, Set<String> secrets) {
    this(properties, names, secrets, Set.of());
  }

  private Snapshot(
      Map<String, String> properties, Set<String> names, Set<String> secrets, Set<String> skipped) {
    this.values = new HashMap<>(properties);
    this.properties = Collections.unmodifiableMap(values);
    this.names = Set.copyOf(names);
    this.secrets = Set.copyOf(secrets);
    this.skipped = Collections.unmodifiableSet(new LinkedHashSet<>(skipped));
  }

  /** The value of {@code name}, or null: a map read, no allocation. */
  String value(String name) {
    return values.get(name);
  }

  /** Every property name with its value, unmodifiable. */
  Map<String, String> properties() {
    return properties;
  }

  /** The property names, unmodifiable. */
  Set<String> names() {
    return names;
  }

  /** The names whose values are secret, unmodifiable. */
  Set<String> secrets() {
    return secrets;
  }

  /**
   * Why each item left out under {@link InvalidItemPolicy#SKIP} was left out, in key order: by key
   * and table, never by value.
   */
  Set<String> skipped() {
    return skipped;
  }

  /** Equal when the properties and the secret names are. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Snapshot that
        && that.values.equals(values)
        && that.names.equals(names)
        && that.secrets.equals(secrets);
  }

  @Override
  public int hashCode() {
    return values.hashCode() * 31 + secrets.hashCode();
  }

  /** Names and printable values: secret values as {@code ***}. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "Snapshot{", "}");
    for (String name : new TreeSet<>(names)) {
      text.add(name + "=" + printable(name));
    }
    return text.toString();
  }

  /** The value to print for {@code name}: the value, or {@code ***} when it is secret. */
  String printable(String name) {
    return secrets.contains(name) ? SecretMatcher.MASK : properties.get(name);
  }

  /**
   * Turns the items of {@code table} into a snapshot. An item that cannot be turned into properties
   * fails the whole load, or with {@link InvalidItemPolicy#SKIP} is left out and reported in {@link
   * #skipped()}; either way by key and table, never by value.
   */
  static Snapshot of(
      String table,
      List<Map<String, AttributeValue>> items,
      ItemLayout layout,
      SecretMatcher secretKeys,
      InvalidItemPolicy policy) {
    Map<String, String> properties = new HashMap<>();
    Set<String> skipped = new LinkedHashSet<>();
    Map<String, String> owners = new HashMap<>();
    Set<String> secrets = new HashSet<>();
    List<Map<String, AttributeValue>> sorted =
        items.stream().sorted(Comparator.comparing(item -> sortKey(item, layout))).toList();
    for (Map<String, AttributeValue> item : sorted) {
      try {
        String key = key(item, layout);
        // A pattern that matches the item's key covers every property the item yields.
        boolean secret = secretFlag(item, layout) || secretKeys.matches(key);
        Map<String, String> itemProperties = AttributeValues.toProperties(key, value(item, layout));
        for (String name : itemProperties.keySet()) {
          checkName(name);
          String owner = owners.get(name);
          if (owner != null) {
            throw new InvalidValueException(
                "its property '" + name + "' is also a property of item '" + owner + "'");
          }
        }
        for (Map.Entry<String, String> property : itemProperties.entrySet()) {
          String name = property.getKey();
          properties.put(name, property.getValue());
          owners.put(name, key);
          if (secret || secretKeys.matches(name)) {
            secrets.add(name);
          }
        }
      } catch (InvalidValueException e) {
        String message =
            "Invalid item "
                + describe(item, layout)
                + " in table '"
                + table
                + "': "
                + escaped(e.getMessage());
        if (policy == InvalidItemPolicy.FAIL) {
          throw new DynamoDbConfigException(
              message
                  + ". Fix the item, or set "
                  + DynamoDbConfigSetting.ON_INVALID_ITEM.key()
                  + "=skip to leave such items out.");
        }
        skipped.add(message + "; item skipped");
      }
    }
    return new Snapshot(properties, properties.keySet(), secrets, skipped);
  }

  /**
   * A property name MicroProfile Config can express: no whitespace or control character (not
   * expressible in a properties file or an environment variable, and a forged log line waiting to
   * happen), no {@code ${} (read as a property expression).
   */
  private static void checkName(String name) throws InvalidValueException {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new InvalidValueException(
            "its property name '"
                + name
                + "' has whitespace or a control character, which a MicroProfile property name"
                + " cannot have");
      }
    }
    if (name.contains("${")) {
      throw new InvalidValueException(
          "its property name '"
              + name
              + "' contains '${', which MicroProfile Config reads as a property expression");
    }
  }

  /**
   * {@code text} with control characters and whitespace other than a space escaped, so that a name
   * it quotes cannot forge a log line.
   */
  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(
          c == ' ' || !(Character.isWhitespace(c) || Character.isISOControl(c))
              ? String.valueOf(c)
              : String.format("\\u%04x", (int) c));
    }
    return out.toString();
  }

  private static String key(Map<String, AttributeValue> item, ItemLayout layout)
      throws InvalidValueException {
    AttributeValue key = item.get(layout.keyAttribute());
    if (key == null) {
      throw new InvalidValueException("it has no '" + layout.keyAttribute() + "' attribute");
    }
    if (key.type() != AttributeValue.Type.S) {
      throw new InvalidValueException(
          "its '" + layout.keyAttribute() + "' attribute is of type " + key.type() + ", not S");
    }
    if (key.s().isBlank()) {
      throw new InvalidValueException("its '" + layout.keyAttribute() + "' attribute is blank");
    }
    return key.s();
  }

  private static AttributeValue value(Map<String, AttributeValue> item, ItemLayout layout)
      throws InvalidValueException {
    AttributeValue value = item.get(layout.valueAttribute());
    if (value == null) {
      throw new InvalidValueException("it has no '" + layout.valueAttribute() + "' attribute");
    }
    return value;
  }

  private static boolean secretFlag(Map<String, AttributeValue> item, ItemLayout layout)
      throws InvalidValueException {
    AttributeValue flag = item.get(layout.secretAttribute());
    if (flag == null || flag.type() == AttributeValue.Type.NUL) {
      return false;
    }
    if (flag.type() != AttributeValue.Type.BOOL) {
      throw new InvalidValueException(
          "its '"
              + layout.secretAttribute()
              + "' attribute is of type "
              + flag.type()
              + ", not BOOL");
    }
    return flag.bool();
  }

  /** The item's name for messages: its key when that is a string. */
  private static String describe(Map<String, AttributeValue> item, ItemLayout layout) {
    AttributeValue key = item.get(layout.keyAttribute());
    if (key != null && key.type() == AttributeValue.Type.S) {
      return "'" + escaped(key.s()) + "'";
    }
    if (key != null && key.type() == AttributeValue.Type.N) {
      return "with " + layout.keyAttribute() + " number " + key.n();
    }
    return "without a string '" + layout.keyAttribute() + "'";
  }

  private static String sortKey(Map<String, AttributeValue> item, ItemLayout layout) {
    AttributeValue key = item.get(layout.keyAttribute());
    return key != null && key.type() == AttributeValue.Type.S ? key.s() : "";
  }
}
