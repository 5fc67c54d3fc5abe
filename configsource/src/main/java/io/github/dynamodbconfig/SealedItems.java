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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of a table whose value is sealed: no plain value, a {@value #SEALED} binary attribute
 * in {@link SealedValue}'s format and a {@value #VERSION} number it is bound to. Finds the data
 * keys they need, and opens them with the keys that KMS opened.
 */
final class SealedItems {

  /** The attribute of a sealed value. */
  static final String SEALED = "Sealed";

  /** The attribute of a sealed item's version, one higher with each new value. */
  static final String VERSION = "Version";

  private SealedItems() {}

  /** Opens the sealed value of an item: its plain value, or why it does not open. */
  @FunctionalInterface
  interface Unsealer {

    /** For a table without a keyring: no sealed value opens. */
    Unsealer NO_KEYRING =
        (key, item) -> {
          throw new InvalidValueException(
              "its value is sealed, but the table has no keyring item '" + Keyring.KEY + "'");
        };

    String open(String key, Map<String, AttributeValue> item) throws InvalidValueException;
  }

  static boolean isSealed(Map<String, AttributeValue> item) {
    return item.containsKey(SEALED);
  }

  /** The ids of the data keys that the sealed items of {@code items} need, sorted. */
  static Set<String> keyIdsInUse(List<Map<String, AttributeValue>> items) {
    Set<String> ids = new TreeSet<>();
    for (Map<String, AttributeValue> item : items) {
      AttributeValue sealed = item.get(SEALED);
      if (sealed != null && sealed.type() == AttributeValue.Type.B) {
        try {
          ids.add(SealedValue.keyId(sealed.b().asByteArray()));
        } catch (SealedValue.CannotOpen e) {
          // the item is reported as invalid when it is opened
        }
      }
    }
    return ids;
  }

  /** Opens sealed items with {@code keys}, the data keys of {@code keyring} that KMS opened. */
  static Unsealer unsealer(Keyring keyring, Map<String, DataKey> keys) {
    return (key, item) -> {
      byte[] sealed = sealed(item);
      long version = version(item);
      try {
        String keyId = SealedValue.keyId(sealed);
        DataKey dataKey = keys.get(keyId);
        if (dataKey == null) {
          throw new InvalidValueException(
              "its value is sealed with data key "
                  + keyId
                  + ", which the keyring '"
                  + Keyring.KEY
                  + "' does not hold");
        }
        return SealedValue.open(
            dataKey, new SealedValue.Binding(keyring.tableId(), key, version), sealed);
      } catch (SealedValue.CannotOpen e) {
        throw new InvalidValueException("its sealed value does not open: " + e.getMessage());
      }
    };
  }

  /**
   * {@code snapshot} with its sealed properties as the table stores them (from {@code split}, whose
   * items have key attribute {@code keyName}), so that a snapshot file keeps them sealed; {@code
   * snapshot} as it is when the table has none.
   */
  static Snapshot withForms(Snapshot snapshot, Keyring.Split split, String keyName) {
    Optional<Keyring> keyring = split.keyring().flatMap(Keyring.Item::keyring);
    if (keyring.isEmpty()) {
      return snapshot;
    }
    Map<String, SealedForms.Form> forms = new TreeMap<>();
    for (Map<String, AttributeValue> item : split.items()) {
      AttributeValue key = item.get(keyName);
      AttributeValue sealed = item.get(SEALED);
      AttributeValue version = item.get(VERSION);
      if (key == null
          || !snapshot.names().contains(key.s())
          || sealed == null
          || sealed.type() != AttributeValue.Type.B
          || version == null
          || version.type() != AttributeValue.Type.N) {
        continue; // not sealed, or invalid and so not in the snapshot
      }
      forms.put(
          key.s(), new SealedForms.Form(sealed.b().asByteArray(), Long.parseLong(version.n())));
    }
    return forms.isEmpty() ? snapshot : snapshot.withSealed(new SealedForms(keyring.get(), forms));
  }

  /** The item of {@code key} that holds {@code sealed} at {@code version}, flagged secret. */
  static Map<String, AttributeValue> toItem(
      ItemLayout layout, String key, byte[] sealed, long version) {
    return Map.of(
        layout.keyAttribute(),
        AttributeValue.fromS(key),
        SEALED,
        AttributeValue.fromB(SdkBytes.fromByteArray(sealed)),
        VERSION,
        AttributeValue.fromN(Long.toString(version)),
        layout.secretAttribute(),
        AttributeValue.fromBool(true));
  }

  private static byte[] sealed(Map<String, AttributeValue> item) throws InvalidValueException {
    AttributeValue sealed = item.get(SEALED);
    if (sealed.type() != AttributeValue.Type.B) {
      throw new InvalidValueException(
          "its '" + SEALED + "' attribute is of type " + sealed.type() + ", not B");
    }
    return sealed.b().asByteArray();
  }

  private static long version(Map<String, AttributeValue> item) throws InvalidValueException {
    AttributeValue version = item.get(VERSION);
    if (version == null || version.type() != AttributeValue.Type.N) {
      throw new InvalidValueException(
          "its sealed value has no '" + VERSION + "' number, which it is bound to");
    }
    try {
      return Long.parseLong(version.n());
    } catch (NumberFormatException e) {
      throw new InvalidValueException(
          "its '" + VERSION + "' attribute " + version.n() + " is not a whole number");
    }
  }
}
