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

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sealed values of one config table, for the operator's command-line tool: makes a table's
 * keyring, opens its sealed items in memory (so that the tool shows and compares what an
 * application gets), and seals a secret before it is written (so that the table never holds it in
 * plain text). The data keys are opened with KMS once, when it is made.
 *
 * <p>Like {@link ConfigTable}, this is the tool's interface to the library, outside the library's
 * compatibility promise. It needs the {@code software.amazon.awssdk:kms} module.
 */
public final class TableSealing {

  private final ConfigTable table;
  private final Keyring keyring;
  private final Map<String, DataKey> keys;
  private final SecureRandom random = new SecureRandom();

  private TableSealing(ConfigTable table, Keyring keyring, Map<String, DataKey> keys) {
    this.table = table;
    this.keyring = keyring;
    this.keys = keys;
  }

  /**
   * A new keyring for {@code table}: a new table identity, and one data key made by KMS key {@code
   * kmsKey} ({@code GenerateDataKey}) for the context that names the table and that identity.
   *
   * @param table the table
   * @param client the table's client, whose region KMS is asked in
   * @param kmsKey the KMS key: its id, ARN, alias name ({@code alias/config}) or alias ARN
   * @return the keyring item to write
   * @throws DynamoDbConfigException naming the KMS key and the IAM action, when KMS refuses
   */
  public static Map<String, AttributeValue> newKeyring(
      ConfigTable table, DynamoDbClient client, String kmsKey) {
    DataKeys.requireKms(table.target());
    String tableId = UUID.randomUUID().toString();
    KmsDataKeys.Generated made =
        KmsDataKeys.generate(
            table.settings(),
            table.target(),
            region(client),
            kmsKey,
            "k1",
            Keyring.context(table.name(), tableId));
    Arrays.fill(made.plain(), (byte) 0);
    return new Keyring(tableId, "k1", Map.of("k1", made.wrapped())).toItem(table.keyAttribute());
  }

  /**
   * The sealing of the table whose items are {@code items}, with its data keys opened by KMS (one
   * {@code Decrypt} each, the active key and any other that an item needs); empty when the items
   * hold no keyring.
   *
   * @param table the table
   * @param client the table's client, whose region KMS is asked in
   * @param items the table's items, with its keyring item
   * @return the sealing, or empty for a table without a keyring
   * @throws DynamoDbConfigException when the keyring cannot be read or KMS does not open a key
   */
  public static Optional<TableSealing> open(
      ConfigTable table, DynamoDbClient client, List<Map<String, AttributeValue>> items) {
    Keyring.Split split = Keyring.split(items, table.keyAttribute());
    if (split.keyring().isEmpty()) {
      return Optional.empty();
    }
    Keyring keyring = split.keyring().get().required(table.target());
    Set<String> ids = new TreeSet<>(SealedItems.keyIdsInUse(split.items()));
    ids.add(keyring.active());
    Map<String, DataKey> keys =
        DataKeys.withKms(table.settings(), table.target())
            .open(keyring, ids, region(client), Deadline.after(table.settings().timeout()));
    return Optional.of(new TableSealing(table, keyring, keys));
  }

  /**
   * Keyring item {@code keyring} with each of its data keys wrapped by KMS key {@code kmsKey}
   * instead ({@code ReEncrypt}, one per data key, for the same encryption context): the data keys,
   * and so every sealed value, stay as they are; no item but the keyring is to be written.
   *
   * @param table the table
   * @param client the table's client, whose region KMS is asked in
   * @param keyring the table's keyring item, as stored
   * @param kmsKey the KMS key: its id, ARN, alias name or alias ARN
   * @return the keyring item to write in place of {@code keyring}
   * @throws DynamoDbConfigException when the item is no keyring, or KMS refuses
   */
  public static Map<String, AttributeValue> rewrapped(
      ConfigTable table,
      DynamoDbClient client,
      Map<String, AttributeValue> keyring,
      String kmsKey) {
    DataKeys.requireKms(table.target());
    Keyring read = Keyring.read(keyring).required(table.target());
    Map<String, Keyring.WrappedKey> moved = new LinkedHashMap<>();
    for (Keyring.WrappedKey key : read.keys().values()) {
      moved.put(
          key.id(),
          KmsDataKeys.rewrap(table.settings(), table.target(), region(client), key, kmsKey));
    }
    return read.withKeys(moved).toItem(table.keyAttribute());
  }

  /**
   * This sealing with a new active data key, made by KMS key {@code kmsKey} ({@code
   * GenerateDataKey}, for the context of the table's keyring): values sealed from then on use it,
   * and the data keys before it still open the values sealed with them until {@link
   * #keyringOfActiveKey} retires them.
   *
   * @param client the table's client, whose region KMS is asked in
   * @param kmsKey the KMS key; empty for the one that wraps the active data key now
   * @return the sealing with the new data key
   * @throws DynamoDbConfigException naming the KMS key and the IAM action, when KMS refuses
   */
  public TableSealing rekeyed(DynamoDbClient client, Optional<String> kmsKey) {
    String id = keyring.nextId();
    KmsDataKeys.Generated made =
        KmsDataKeys.generate(
            table.settings(),
            table.target(),
            region(client),
            kmsKey.orElse(kmsKey()),
            id,
            Keyring.context(table.name(), keyring.tableId()));
    Map<String, DataKey> all = new LinkedHashMap<>(keys);
    all.put(id, DataKey.of(id, made.plain()));
    Arrays.fill(made.plain(), (byte) 0);
    return new TableSealing(table, keyring.withActive(made.wrapped()), Map.copyOf(all));
  }

  /**
   * The keyring item of this sealing, every data key in it.
   *
   * @return the item to write
   */
  public Map<String, AttributeValue> keyringItem() {
    return keyring.toItem(table.keyAttribute());
  }

  /**
   * The keyring item of this sealing with its active data key only, the others retired: to write
   * once no item is sealed with them.
   *
   * @return the item to write
   */
  public Map<String, AttributeValue> keyringOfActiveKey() {
    return keyring.activeOnly().toItem(table.keyAttribute());
  }

  /**
   * The id of the data key new values are sealed with.
   *
   * @return its id, e.g. {@code k2}
   */
  public String activeKey() {
    return keyring.active();
  }

  /**
   * The ids of the data keys that the sealed items of {@code items} are sealed with.
   *
   * @param items items of the table, as stored
   * @return the ids, e.g. {@code [k1, k2]}
   */
  public static Set<String> keyIdsInUse(List<Map<String, AttributeValue>> items) {
    return SealedItems.keyIdsInUse(items);
  }

  /**
   * The key of the keyring item, which is no setting.
   *
   * @return {@code dynamodb.config.keyring}
   */
  public static String keyringKey() {
    return Keyring.KEY;
  }

  /**
   * Whether {@code item} is sealed: it holds no plain value.
   *
   * @param item an item of the table
   * @return true for a sealed item
   */
  public static boolean isSealed(Map<String, AttributeValue> item) {
    return SealedItems.isSealed(item);
  }

  /**
   * The KMS key that wraps the active data key of keyring item {@code keyring}, read from the item
   * without a call to KMS.
   *
   * @param keyring a keyring item, as {@link #newKeyring} made it
   * @return the KMS key's ARN
   * @throws IllegalArgumentException when the item is no keyring
   */
  public static String kmsKeyOf(Map<String, AttributeValue> keyring) {
    Keyring.Item item = Keyring.read(keyring);
    Keyring read = item.keyring().orElseThrow(() -> new IllegalArgumentException(item.problem()));
    return read.keys().get(read.active()).keyArn();
  }

  /**
   * How many data keys keyring item {@code keyring} of {@code table} holds, read from the item
   * without a call to KMS.
   *
   * @param table the table
   * @param keyring its keyring item
   * @return the count
   * @throws DynamoDbConfigException naming the table and the problem, when the item is no keyring
   */
  public static int dataKeyCount(ConfigTable table, Map<String, AttributeValue> keyring) {
    return Keyring.read(keyring).required(table.target()).keys().size();
  }

  /**
   * The KMS key that wraps the data key new values are sealed with.
   *
   * @return its ARN
   */
  public String kmsKey() {
    return keyring.keys().get(keyring.active()).keyArn();
  }

  /**
   * {@code items} with each sealed item opened, in memory, into the item a plain secret value would
   * be (its value as S in the value attribute, the secret flag, its other attributes kept); other
   * items as they are.
   *
   * @param items items of the table
   * @return the items, opened
   * @throws DynamoDbConfigException naming the key, when a sealed value does not open
   */
  public List<Map<String, AttributeValue>> opened(List<Map<String, AttributeValue>> items) {
    SealedItems.Unsealer unsealer = SealedItems.unsealer(keyring, keys);
    List<Map<String, AttributeValue>> opened = new ArrayList<>(items.size());
    for (Map<String, AttributeValue> item : items) {
      if (!isSealed(item)) {
        opened.add(item);
        continue;
      }
      AttributeValue key = item.get(table.keyAttribute());
      String name = key == null ? "" : String.valueOf(key.s());
      try {
        Map<String, AttributeValue> plain = new LinkedHashMap<>(item);
        plain.remove(SealedItems.SEALED);
        plain.remove(SealedItems.VERSION);
        plain.put(table.valueAttribute(), AttributeValue.fromS(unsealer.open(name, item)));
        plain.put(table.secretAttribute(), AttributeValue.fromBool(true));
        opened.add(Collections.unmodifiableMap(plain));
      } catch (AttributeValues.InvalidValueException e) {
        throw SealMessages.NOT_OPENED.exception(
            null, MessageText.quoted(name), table.target().describe(), e.getMessage());
      }
    }
    return opened;
  }

  /**
   * The sealed item that stores the string value of {@code plain} (an item made by {@link
   * ConfigTable#toItem}) at {@code version}, with the active data key: its value attribute replaced
   * by the sealed value and the version, its other attributes kept.
   *
   * @param plain the item with its plain value, of type S
   * @param version the version to bind it to: one more than the item's current version
   * @return the sealed item, flagged secret
   * @throws IllegalArgumentException when the value is not a string
   */
  public Map<String, AttributeValue> sealed(Map<String, AttributeValue> plain, long version) {
    String key = plain.get(table.keyAttribute()).s();
    AttributeValue value = plain.get(table.valueAttribute());
    if (value == null || value.type() != AttributeValue.Type.S) {
      throw new IllegalArgumentException(
          "only a string value is sealed: " + MessageText.quoted(key) + " is not one");
    }
    byte[] sealed =
        SealedValue.seal(
            keys.get(keyring.active()),
            new SealedValue.Binding(keyring.tableId(), key, version),
            value.s(),
            random);
    Map<String, AttributeValue> item = new LinkedHashMap<>(plain);
    item.remove(table.valueAttribute());
    item.putAll(SealedItems.toItem(table.settings().layout(), key, sealed, version));
    return Collections.unmodifiableMap(item);
  }

  /**
   * The version of a sealed item, 0 for any other.
   *
   * @param item an item of the table, as read
   * @return its version
   */
  public static long version(Map<String, AttributeValue> item) {
    AttributeValue version = item.get(SealedItems.VERSION);
    try {
      return version == null || version.n() == null ? 0 : Long.parseLong(version.n());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Region region(DynamoDbClient client) {
    return client.serviceClientConfiguration().region();
  }

  /** The table and its KMS key, never a key's bytes. */
  @Override
  public String toString() {
    return "TableSealing[" + table.name() + ", " + kmsKey() + "]";
  }
}
