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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table's keyring: one item, under the key {@value #KEY}, that holds the table's identity and its
 * data keys, each only in the form KMS wrapped it in, with the KMS key and the encryption context
 * it was wrapped with. The item is never a property and the tool never shows it; the values it
 * seals are in {@link SealedValue}'s format.
 *
 * @param tableId the table's identity, chosen when the keyring was made: what sealed values are
 *     bound to, kept when the table is restored under another name
 * @param active the id of the data key that new values are sealed with
 * @param keys each data key by id, in id order
 */
record Keyring(String tableId, String active, Map<String, WrappedKey> keys) {

  /** The keyring item's key. */
  static final String KEY = "dynamodb.config.keyring";

  static final String TABLE_ID = "TableId";
  static final String ACTIVE = "Active";
  static final String KEYS = "Keys";
  static final String WRAPPED = "Wrapped";
  static final String KEY_ARN = "KeyArn";
  static final String CONTEXT = "Context";
  static final String CREATED = "Created";

  /** The encryption context's entry naming the table. */
  static final String CONTEXT_TABLE = "dynamodb-config:table";

  /** The encryption context's entry naming the keyring, by the table's identity. */
  static final String CONTEXT_KEYRING = "dynamodb-config:keyring";

  /**
   * One data key, as KMS wrapped it.
   *
   * @param id its id in the keyring, e.g. {@code k1}
   * @param wrapped the ciphertext blob KMS returned
   * @param keyArn the KMS key that wrapped it
   * @param context the encryption context it was wrapped with
   * @param created when it was made
   */
  record WrappedKey(
      String id, byte[] wrapped, String keyArn, Map<String, String> context, Instant created) {

    WrappedKey {
      wrapped = wrapped.clone();
      context = Collections.unmodifiableMap(new TreeMap<>(context));
    }

    @Override
    public byte[] wrapped() {
      return wrapped.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WrappedKey that
          && that.id.equals(id)
          && Arrays.equals(that.wrapped, wrapped)
          && that.keyArn.equals(keyArn)
          && that.context.equals(context)
          && that.created.equals(created);
    }

    @Override
    public int hashCode() {
      return id.hashCode() * 31 + Arrays.hashCode(wrapped);
    }

    @Override
    public String toString() {
      return "WrappedKey[" + id + ", " + keyArn + ", " + context + "]";
    }
  }

  /** A table's items without its keyring item, and the keyring it held. */
  record Split(List<Map<String, AttributeValue>> items, Optional<Item> keyring) {}

  /** The keyring item as read: its keyring, or why it cannot be read. */
  record Item(Optional<Keyring> keyring, String problem) {

    /**
     * The keyring of {@code target}'s item.
     *
     * @throws DynamoDbConfigException naming the table and the problem, when it cannot be read
     */
    Keyring required(TableTarget target) {
      return keyring.orElseThrow(
          () -> SealMessages.BAD_KEYRING.exception(null, KEY, target.describe(), problem));
    }
  }

  Keyring {
    keys = Collections.unmodifiableMap(new TreeMap<>(keys));
  }

  /** This keyring with {@code key} added, as the active data key. */
  Keyring withActive(WrappedKey key) {
    Map<String, WrappedKey> all = new TreeMap<>(keys);
    all.put(key.id(), key);
    return new Keyring(tableId, key.id(), all);
  }

  /** This keyring with its active data key only: the others retired. */
  Keyring activeOnly() {
    return new Keyring(tableId, active, Map.of(active, keys.get(active)));
  }

  /** This keyring with each data key of {@code rewrapped} in place of the one of its id. */
  Keyring withKeys(Map<String, WrappedKey> rewrapped) {
    Map<String, WrappedKey> all = new TreeMap<>(keys);
    all.putAll(rewrapped);
    return new Keyring(tableId, active, all);
  }

  /** An id for a new data key: {@code k<n>}, n one more than the highest n in use. */
  String nextId() {
    int highest = 0;
    for (String id : keys.keySet()) {
      if (id.matches("k[0-9]{1,9}")) {
        highest = Math.max(highest, Integer.parseInt(id.substring(1)));
      }
    }
    return "k" + (highest + 1);
  }

  /** The encryption context of a data key of {@code table}'s keyring. */
  static Map<String, String> context(String table, String tableId) {
    return Map.of(CONTEXT_TABLE, table, CONTEXT_KEYRING, tableId);
  }

  /** {@code items} without the keyring item of key attribute {@code keyName}, and that item. */
  static Split split(List<Map<String, AttributeValue>> items, String keyName) {
    List<Map<String, AttributeValue>> rest = new ArrayList<>(items.size());
    Optional<Item> keyring = Optional.empty();
    for (Map<String, AttributeValue> item : items) {
      AttributeValue key = item.get(keyName);
      if (key != null && KEY.equals(key.s())) {
        keyring = Optional.of(read(item));
      } else {
        rest.add(item);
      }
    }
    return new Split(rest, keyring);
  }

  /** The keyring of a keyring item, or why it is not one. */
  static Item read(Map<String, AttributeValue> item) {
    String tableId = text(item.get(TABLE_ID));
    String active = text(item.get(ACTIVE));
    AttributeValue keys = item.get(KEYS);
    if (tableId == null || active == null || keys == null || keys.type() != AttributeValue.Type.M) {
      return new Item(
          Optional.empty(),
          "it needs " + TABLE_ID + " (S), " + ACTIVE + " (S) and " + KEYS + " (M)");
    }
    Map<String, WrappedKey> wrapped = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> entry : keys.m().entrySet()) {
      Optional<WrappedKey> key = wrappedKey(entry.getKey(), entry.getValue());
      if (key.isEmpty()) {
        return new Item(
            Optional.empty(),
            "its data key "
                + entry.getKey()
                + " needs "
                + WRAPPED
                + " (B), "
                + KEY_ARN
                + " (S), "
                + CONTEXT
                + " (M of S) and "
                + CREATED
                + " (N)");
      }
      wrapped.put(entry.getKey(), key.get());
    }
    if (!wrapped.containsKey(active)) {
      return new Item(
          Optional.empty(), "its active data key " + active + " is not one of its " + KEYS);
    }
    return new Item(Optional.of(new Keyring(tableId, active, wrapped)), "");
  }

  private static Optional<WrappedKey> wrappedKey(String id, AttributeValue value) {
    if (value.type() != AttributeValue.Type.M) {
      return Optional.empty();
    }
    Map<String, AttributeValue> fields = value.m();
    AttributeValue wrapped = fields.get(WRAPPED);
    String keyArn = text(fields.get(KEY_ARN));
    AttributeValue context = fields.get(CONTEXT);
    AttributeValue created = fields.get(CREATED);
    if (wrapped == null
        || wrapped.type() != AttributeValue.Type.B
        || keyArn == null
        || context == null
        || context.type() != AttributeValue.Type.M
        || created == null
        || created.type() != AttributeValue.Type.N) {
      return Optional.empty();
    }
    Map<String, String> entries = new TreeMap<>();
    for (Map.Entry<String, AttributeValue> entry : context.m().entrySet()) {
      String text = text(entry.getValue());
      if (text == null) {
        return Optional.empty();
      }
      entries.put(entry.getKey(), text);
    }
    try {
      return Optional.of(
          new WrappedKey(
              id,
              wrapped.b().asByteArray(),
              keyArn,
              entries,
              Instant.ofEpochMilli(Long.parseLong(created.n()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The keyring item of key attribute {@code keyName}. */
  Map<String, AttributeValue> toItem(String keyName) {
    Map<String, AttributeValue> wrapped = new TreeMap<>();
    keys.forEach(
        (id, key) -> {
          Map<String, AttributeValue> context = new TreeMap<>();
          key.context().forEach((name, value) -> context.put(name, AttributeValue.fromS(value)));
          wrapped.put(
              id,
              AttributeValue.fromM(
                  Map.of(
                      WRAPPED, AttributeValue.fromB(SdkBytes.fromByteArray(key.wrapped())),
                      KEY_ARN, AttributeValue.fromS(key.keyArn()),
                      CONTEXT, AttributeValue.fromM(context),
                      CREATED, AttributeValue.fromN(Long.toString(key.created().toEpochMilli())))));
        });
    return Map.of(
        keyName, AttributeValue.fromS(KEY),
        TABLE_ID, AttributeValue.fromS(tableId),
        ACTIVE, AttributeValue.fromS(active),
        KEYS, AttributeValue.fromM(wrapped));
  }

  private static String text(AttributeValue value) {
    return value != null && value.type() == AttributeValue.Type.S ? value.s() : null;
  }
}
