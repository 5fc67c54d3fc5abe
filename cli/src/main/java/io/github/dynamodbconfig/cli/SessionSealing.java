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
package io.github.dynamodbconfig.cli;

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.TableSealing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sealed values of one {@link TableSession}: its sealed items opened as they are read, and each
 * secret value sealed as it is written, when the table has a keyring. The keyring's data keys are
 * opened by KMS once, when a sealed item is read or a secret written. Thread-safe: an import writes
 * its batches on several threads.
 */
final class SessionSealing {

  private final ConfigTable table;
  private final DynamoDbClient client;
  private final Function<String, Map<String, AttributeValue>> stored;
  private final Map<String, Long> versions = new HashMap<>(); // of the sealed items read
  private final Map<String, Map<String, AttributeValue>> storedForms = new HashMap<>(); // likewise
  private Map<String, AttributeValue> keyring; // the keyring item, empty for none; null unread
  private Optional<TableSealing> sealing; // null until needed

  /** For {@code table}, whose stored items {@code stored} reads by key. */
  SessionSealing(
      ConfigTable table,
      DynamoDbClient client,
      Function<String, Map<String, AttributeValue>> stored) {
    this.table = table;
    this.client = client;
    this.stored = stored;
  }

  /** {@code items} as read from the table: the keyring left out, the sealed items opened. */
  synchronized List<Map<String, AttributeValue>> fromTable(List<Map<String, AttributeValue>> read) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    keyring = Map.of();
    for (Map<String, AttributeValue> item : read) {
      if (TableSealing.keyringKey().equals(TableItems.key(table, item))) {
        keyring = item;
      } else {
        items.add(item);
      }
    }
    return opened(items);
  }

  /**
   * The table's sealing, when it has a keyring: its data keys opened by KMS once, when a sealed
   * item is read or a secret written.
   */
  synchronized Optional<TableSealing> sealing() {
    return sealing(List.of());
  }

  /** The sealing, with the data keys that {@code sealedItems} need opened too. */
  private Optional<TableSealing> sealing(List<Map<String, AttributeValue>> sealedItems) {
    if (sealing == null) {
      List<Map<String, AttributeValue>> items = new ArrayList<>(sealedItems);
      items.add(keyringItem());
      sealing = keyring.isEmpty() ? Optional.empty() : TableSealing.open(table, client, items);
    }
    return sealing;
  }

  /**
   * A new keyring item for the table, its data key made by {@code kmsKey}; the session seals with
   * it once it is written.
   */
  synchronized Map<String, AttributeValue> newKeyring(String kmsKey) {
    Map<String, AttributeValue> made = TableSealing.newKeyring(table, client, kmsKey);
    keyring = made;
    sealing = null;
    return made;
  }

  /** The keyring item as stored, empty for a table without one. */
  synchronized Map<String, AttributeValue> keyringItem() {
    if (keyring == null) {
      keyring = stored.apply(TableSealing.keyringKey());
    }
    return keyring;
  }

  /**
   * The sealing with a new active data key, wrapped by {@code kmsKey} or else by the KMS key of the
   * active one; the session seals with it once {@link #sealWith} is told so.
   */
  synchronized TableSealing rekeyed(Optional<String> kmsKey) {
    return sealing().orElseThrow().rekeyed(client, kmsKey);
  }

  /** Seals what is written from now on with {@code next}, whose keyring item is written. */
  synchronized void sealWith(TableSealing next) {
    sealing = Optional.of(next);
  }

  /** The sealed item of {@code key} as this session read it, stored. */
  synchronized Map<String, AttributeValue> storedForm(String key) {
    return storedForms.getOrDefault(key, Map.of());
  }

  /** The keyring item with each data key wrapped by {@code kmsKey} instead. */
  synchronized Map<String, AttributeValue> rewrapped(String kmsKey) {
    return TableSealing.rewrapped(table, client, keyringItem(), kmsKey);
  }

  /** Notes {@code item}, just written, as the table's keyring item. */
  synchronized void keyringWritten(Map<String, AttributeValue> item) {
    keyring = item;
  }

  /** The items of {@code items}, opened by this session, that the table stores sealed. */
  synchronized List<Map<String, AttributeValue>> sealedItems(
      List<Map<String, AttributeValue>> items) {
    return items.stream()
        .filter(item -> versions.containsKey(TableItems.key(table, item)))
        .toList();
  }

  /** {@code items} with their sealed items opened, and their versions noted. */
  synchronized List<Map<String, AttributeValue>> opened(List<Map<String, AttributeValue>> items) {
    for (Map<String, AttributeValue> item : items) {
      if (TableSealing.isSealed(item)) {
        versions.put(TableItems.key(table, item), TableSealing.version(item));
        storedForms.put(TableItems.key(table, item), item);
      }
    }
    if (items.stream().noneMatch(TableSealing::isSealed)) {
      return items;
    }
    return sealing(items)
        .map(opener -> opener.opened(items))
        .orElse(items); // no keyring: the sealed items are invalid, as the library finds them
  }

  /**
   * The secret items of {@code items}, opened by this session, that the table stores in plain text:
   * secret, with a value, and not among the sealed items read.
   */
  synchronized List<Map<String, AttributeValue>> plainSecrets(
      List<Map<String, AttributeValue>> items) {
    return items.stream()
        .filter(item -> !versions.containsKey(TableItems.key(table, item)))
        .filter(this::plainSecret)
        .toList();
  }

  /** Whether the value of {@code item} can be sealed: only a string can. */
  boolean sealable(Map<String, AttributeValue> item) {
    return item.get(table.valueAttribute()).type() == AttributeValue.Type.S;
  }

  /**
   * Checks, before the first write of a change, that each of {@code items} (null for a removal) can
   * be written: in a table with a keyring, a secret value must be a string to be sealed.
   *
   * @throws CliException naming the first key that cannot
   */
  synchronized void checkWritable(List<Map<String, AttributeValue>> items) {
    for (Map<String, AttributeValue> item : items) {
      if (item != null && sealed(item)) {
        AttributeValue value = item.get(table.valueAttribute());
        if (value.type() != AttributeValue.Type.S) {
          throw new CliException(
              TableMessages.ONLY_STRINGS_SEALED,
              table.name(),
              ConfigTable.quoted(TableItems.key(table, item)),
              value.type().toString());
        }
      }
    }
  }

  /** Whether {@code item} is written sealed: a secret value in a table with a keyring. */
  private boolean sealed(Map<String, AttributeValue> item) {
    return plainSecret(item) && sealing().isPresent();
  }

  /**
   * Whether {@code item} holds a secret value in the item itself: neither sealed nor referenced.
   */
  private boolean plainSecret(Map<String, AttributeValue> item) {
    return item.containsKey(table.valueAttribute()) && ImportPlan.isSecret(table, item);
  }

  /**
   * {@code item} as it is written: a secret value of a table with a keyring sealed, one version
   * above the item's current one; any other item as it is.
   */
  synchronized Map<String, AttributeValue> forWriting(Map<String, AttributeValue> item) {
    if (!sealed(item)) {
      return item;
    }
    checkWritable(List.of(item));
    String key = TableItems.key(table, item);
    Long current = versions.get(key);
    long was = current != null ? current : TableSealing.version(stored.apply(key));
    // A new sealed item starts at the time, in epoch milliseconds: an item deleted and set again
    // never takes a version it had before, so an old sealed value of it does not open.
    long version = was > 0 ? was + 1 : System.currentTimeMillis();
    versions.put(key, version);
    return sealing().orElseThrow().sealed(item, version);
  }
}
