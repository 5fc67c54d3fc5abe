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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns the items of a config table into properties, and properties back into items: the key and
 * value attributes, the secret flag and the secret-key patterns, the names MicroProfile Config can
 * express, and the rule that no two items yield one property. {@link AttributeValues} turns one
 * value into properties.
 */
final class ItemConverter {

  private final ItemLayout layout;
  private final SecretMatcher secretKeys;
  private final InvalidItemPolicy policy;

  /** The snapshot of a table, and why each item left out under {@code skip} was left out. */
  record Converted(Snapshot snapshot, Set<String> skipped) {
    Converted {
      skipped = Collections.unmodifiableSet(new LinkedHashSet<>(skipped));
    }
  }

  ItemConverter(ItemLayout layout, SecretMatcher secretKeys, InvalidItemPolicy policy) {
    this.layout = layout;
    this.secretKeys = secretKeys;
    this.policy = policy;
  }

  static ItemConverter of(Settings settings) {
    return new ItemConverter(settings.layout(), settings.secretKeys(), settings.onInvalidItem());
  }

  /**
   * The properties of the items of {@code table}, in key order. An item that cannot be turned into
   * properties fails the whole conversion, or under {@link InvalidItemPolicy#SKIP} is left out and
   * reported in {@link Converted#skipped()}; either way by key and table, never by value.
   *
   * @throws DynamoDbConfigException for an invalid item under {@link InvalidItemPolicy#FAIL}
   */
  Converted toSnapshot(String table, List<Map<String, AttributeValue>> items) {
    return toSnapshot(table, items, SealedItems.Unsealer.NO_KEYRING, Map.of());
  }

  /**
   * As {@link #toSnapshot(String, List)}, sealed values opened by {@code unsealer}, and the items
   * that reference Secrets Manager secrets given the properties {@code references} has for them.
   */
  Converted toSnapshot(
      String table,
      List<Map<String, AttributeValue>> items,
      SealedItems.Unsealer unsealer,
      Map<String, SecretReferences.Resolved> references) {
    Stored stored = new Stored(unsealer, references);
    Converted valid = allValid(items, stored);
    return valid != null ? valid : inKeyOrder(table, items, stored);
  }

  /** How the values that are not in the item are had: sealed ones opened, references read. */
  private record Stored(
      SealedItems.Unsealer unsealer, Map<String, SecretReferences.Resolved> references) {}

  /**
   * The common case in one pass, in the order read: every item valid, no two yielding one property,
   * so the order cannot matter. Null at the first item that is not, so that {@link #inKeyOrder}
   * decides, in an order that does not depend on how DynamoDB returned the items.
   */
  private Converted allValid(List<Map<String, AttributeValue>> items, Stored stored) {
    HashMap<String, String> properties = new HashMap<>(capacity(items.size()));
    Set<String> secrets = new HashSet<>();
    for (Map<String, AttributeValue> item : items) {
      try {
        if (add(item, properties, secrets, null, stored) != null) {
          return null;
        }
      } catch (InvalidValueException e) {
        return null;
      }
    }
    return new Converted(Snapshot.adopting(properties, secrets), Set.of());
  }

  /** Items sorted by key; an invalid item is left out (or fails all) and later ones go on. */
  private Converted inKeyOrder(
      String table, List<Map<String, AttributeValue>> items, Stored stored) {
    HashMap<String, String> properties = new HashMap<>();
    Set<String> secrets = new HashSet<>();
    Map<String, String> owners = new HashMap<>();
    Set<String> skipped = new LinkedHashSet<>();
    List<Map<String, AttributeValue>> sorted =
        items.stream().sorted(Comparator.comparing(this::sortKey)).toList();
    for (Map<String, AttributeValue> item : sorted) {
      try {
        String taken = add(item, properties, secrets, owners, stored);
        if (taken != null) {
          throw new InvalidValueException(
              "its property '"
                  + taken
                  + "' is also a property of item '"
                  + owners.get(taken)
                  + "'");
        }
      } catch (InvalidValueException e) {
        skipped.add(invalid(table, item, e));
      }
    }
    return new Converted(Snapshot.adopting(properties, secrets), skipped);
  }

  /**
   * Adds the properties of {@code item}, and to {@code owners} (when given) the item's key under
   * each; when one of them is a property of an earlier item, adds nothing and returns its name.
   */
  private String add(
      Map<String, AttributeValue> item,
      HashMap<String, String> properties,
      Set<String> secrets,
      Map<String, String> owners,
      Stored stored)
      throws InvalidValueException {
    String key = key(item);
    boolean sealed = SealedItems.isSealed(item);
    boolean reference = SecretReference.isReference(item);
    if ((sealed || reference) && item.containsKey(layout.valueAttribute())) {
      throw new InvalidValueException(
          "it has both a '"
              + layout.valueAttribute()
              + "' and a '"
              + (sealed ? SealedItems.SEALED : SecretReference.SECRETS_MANAGER)
              + "' attribute");
    }
    Map<String, String> itemProperties =
        sealed
            ? Map.of(key, stored.unsealer().open(key, item))
            : reference
                ? referenced(key, stored.references())
                : AttributeValues.toProperties(key, value(item));
    for (String name : itemProperties.keySet()) {
      checkName(name);
      if (properties.containsKey(name)) {
        return name;
      }
    }
    // A pattern that matches the item's key covers every property the item yields.
    boolean secret = secretFlag(item) || sealed || reference || secretKeys.matches(key);
    for (Map.Entry<String, String> property : itemProperties.entrySet()) {
      String name = property.getKey();
      properties.put(name, property.getValue());
      if (owners != null) {
        owners.put(name, key);
      }
      if (secret || (!name.equals(key) && secretKeys.matches(name))) {
        secrets.add(name);
      }
    }
    return null;
  }

  /** The properties of the referencing item {@code key}, as its secret gave them. */
  private static Map<String, String> referenced(
      String key, Map<String, SecretReferences.Resolved> references) throws InvalidValueException {
    SecretReferences.Resolved resolved = references.get(key);
    if (resolved == null) {
      throw new InvalidValueException("its Secrets Manager secret was not read");
    }
    if (!resolved.problem().isEmpty()) {
      throw new InvalidValueException(resolved.problem());
    }
    return resolved.properties();
  }

  /** A hash map's initial capacity for {@code size} entries without a resize. */
  private static int capacity(int size) {
    return (int) Math.ceil(size / 0.75);
  }

  /** The item that stores {@code value} under {@code key}, with the secret flag when secret. */
  Map<String, AttributeValue> toItem(String key, AttributeValue value, boolean secret) {
    AttributeValue name = AttributeValue.fromS(key);
    return secret
        ? Map.of(
            layout.keyAttribute(), name,
            layout.valueAttribute(), value,
            layout.secretAttribute(), AttributeValue.fromBool(true))
        : Map.of(layout.keyAttribute(), name, layout.valueAttribute(), value);
  }

  /** The message of an invalid item; throws it under {@link InvalidItemPolicy#FAIL}. */
  private String invalid(String table, Map<String, AttributeValue> item, InvalidValueException e) {
    String message =
        "Invalid item "
            + describe(item)
            + " in table '"
            + table
            + "': "
            + MessageText.escaped(e.getMessage());
    if (policy == InvalidItemPolicy.FAIL) {
      throw LoadMessages.INVALID_ITEM.exception(
          null, message, DynamoDbConfigSetting.ON_INVALID_ITEM.key());
    }
    return message;
  }

  /**
   * A property name MicroProfile Config can express: no whitespace or control character (not
   * expressible in a properties file or an environment variable, and a forged log line waiting to
   * happen), no {@code ${} (read as a property expression).
   */
  private static void checkName(String name) throws InvalidValueException {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean printableAscii = c > ' ' && c < 0x7f;
      if (!printableAscii && (Character.isWhitespace(c) || Character.isISOControl(c))) {
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

  private String key(Map<String, AttributeValue> item) throws InvalidValueException {
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

  private AttributeValue value(Map<String, AttributeValue> item) throws InvalidValueException {
    AttributeValue value = item.get(layout.valueAttribute());
    if (value == null) {
      throw new InvalidValueException("it has no '" + layout.valueAttribute() + "' attribute");
    }
    return value;
  }

  private boolean secretFlag(Map<String, AttributeValue> item) throws InvalidValueException {
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
  private String describe(Map<String, AttributeValue> item) {
    AttributeValue key = item.get(layout.keyAttribute());
    if (key != null && key.type() == AttributeValue.Type.S) {
      return MessageText.quoted(key.s());
    }
    if (key != null && key.type() == AttributeValue.Type.N) {
      return "with " + layout.keyAttribute() + " number " + key.n();
    }
    return "without a string '" + layout.keyAttribute() + "'";
  }

  private String sortKey(Map<String, AttributeValue> item) {
    AttributeValue key = item.get(layout.keyAttribute());
    return key != null && key.type() == AttributeValue.Type.S ? key.s() : "";
  }
}
