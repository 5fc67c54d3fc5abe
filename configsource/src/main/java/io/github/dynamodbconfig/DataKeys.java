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

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.regions.Region;

/**
 * The data keys of one table, opened with KMS and kept in memory: one {@code kms:Decrypt} per data
 * key in use, then none until the key is older than {@code dynamodb.config.data-key-max-age} or the
 * keyring holds another wrapped form of it. A key is known by its wrapped bytes, so a keyring that
 * changes is opened again.
 */
final class DataKeys {

  private static final String KMS_CLIENT = "software.amazon.awssdk.services.kms.KmsClient";

  /** Makes the opener of a load in {@code region}. */
  interface Openers {
    DataKeyOpener in(Region region);
  }

  private record Opened(DataKey key, long nanos) {}

  private final TableTarget target;
  private final Duration maxAge;
  private final Openers openers;
  private final Map<ByteBuffer, Opened> opened = new ConcurrentHashMap<>();

  DataKeys(TableTarget target, Duration maxAge, Openers openers) {
    this.target = target;
    this.maxAge = maxAge;
    this.openers = openers;
  }

  /**
   * The data keys of {@code target}, opened with KMS as {@code settings} say. The {@code kms}
   * module is looked for only when a table needs a key, and named when it is missing.
   */
  static DataKeys withKms(Settings settings, TableTarget target) {
    return new DataKeys(
        target,
        settings.dataKeyMaxAge(),
        region -> {
          requireKms(target);
          return KmsDataKeys.opener(settings, target, region);
        });
  }

  /**
   * Checks that the {@code kms} module is on the class path, before a class that names its types is
   * loaded.
   *
   * @throws DynamoDbConfigException naming the artifact to add, when it is not
   */
  static void requireKms(TableTarget target) {
    if (!AwsClients.hasModule(KMS_CLIENT)) {
      throw SealMessages.NO_KMS_MODULE.exception(null, target.describe());
    }
  }

  /**
   * What opens the sealed values of a load, whose keyring {@code split} holds: the data keys its
   * sealed items need, opened in {@code region} within {@code deadline}.
   *
   * @throws DynamoDbConfigException when the keyring cannot be read, or KMS does not open a key
   */
  SealedItems.Unsealer unsealer(Keyring.Split split, Region region, Deadline deadline) {
    if (split.keyring().isEmpty()) {
      opened.clear(); // no keyring: no key stays in memory
      return SealedItems.Unsealer.NO_KEYRING;
    }
    Keyring keyring = split.keyring().get().required(target);
    Set<String> inUse = SealedItems.keyIdsInUse(split.items());
    return SealedItems.unsealer(keyring, open(keyring, inUse, region, deadline));
  }

  /**
   * The values of {@code sealed}, opened with the data keys of its keyring (one KMS call per key in
   * use), in {@code region} within {@code deadline}.
   *
   * @throws DynamoDbConfigException when KMS does not open a key or a value does not open
   */
  Map<String, String> open(SealedForms sealed, Region region, Deadline deadline) {
    Set<String> ids = new TreeSet<>();
    for (SealedForms.Form form : sealed.forms().values()) {
      ids.add(keyId(form));
    }
    Map<String, DataKey> keys = open(sealed.keyring(), ids, region, deadline);
    Map<String, String> values = new LinkedHashMap<>();
    sealed
        .forms()
        .forEach(
            (name, form) -> {
              try {
                DataKey key = keys.get(keyId(form));
                if (key == null) {
                  throw new SealedValue.CannotOpen("its data key is not in the keyring");
                }
                values.put(
                    name,
                    SealedValue.open(
                        key,
                        new SealedValue.Binding(sealed.keyring().tableId(), name, form.version()),
                        form.sealed()));
              } catch (SealedValue.CannotOpen e) {
                throw SealMessages.NOT_OPENED.exception(
                    null, MessageText.quoted(name), target.describe(), e.getMessage());
              }
            });
    return values;
  }

  private String keyId(SealedForms.Form form) {
    try {
      return SealedValue.keyId(form.sealed());
    } catch (SealedValue.CannotOpen e) {
      return "";
    }
  }

  /**
   * The data keys {@code ids} of {@code keyring} that it holds, opened in {@code region} within
   * {@code deadline}: from memory when opened less than the maximum age ago.
   *
   * @throws DynamoDbConfigException when KMS does not open one, or the time runs out
   */
  Map<String, DataKey> open(Keyring keyring, Set<String> ids, Region region, Deadline deadline) {
    Map<String, DataKey> keys = new LinkedHashMap<>();
    DataKeyOpener opener = null;
    try {
      for (String id : ids) {
        Keyring.WrappedKey wrapped = keyring.keys().get(id);
        if (wrapped == null) {
          continue; // the items sealed with it are reported as invalid
        }
        ByteBuffer known = ByteBuffer.wrap(wrapped.wrapped());
        Opened cached = opened.get(known);
        if (cached == null || System.nanoTime() - cached.nanos() > maxAge.toNanos()) {
          if (opener == null) {
            opener = openers.in(region);
          }
          byte[] plain = opener.open(wrapped, remaining(deadline, id));
          try {
            cached = new Opened(DataKey.of(id, plain), System.nanoTime());
          } finally {
            Arrays.fill(plain, (byte) 0);
          }
          opened.put(known, cached);
        }
        keys.put(id, cached.key());
      }
    } finally {
      if (opener != null) {
        opener.close();
      }
    }
    // Kept: the keys of this keyring opened within the maximum age; any other is forgotten.
    Set<ByteBuffer> current = wrappedForms(keyring);
    opened
        .entrySet()
        .removeIf(
            entry ->
                !current.contains(entry.getKey())
                    || System.nanoTime() - entry.getValue().nanos() > maxAge.toNanos());
    return keys;
  }

  private static Set<ByteBuffer> wrappedForms(Keyring keyring) {
    Set<ByteBuffer> forms = ConcurrentHashMap.newKeySet();
    keyring.keys().values().forEach(key -> forms.add(ByteBuffer.wrap(key.wrapped())));
    return forms;
  }

  private Duration remaining(Deadline deadline, String id) {
    try {
      return deadline.remaining(
          () -> "the time budget " + DynamoDbConfigSetting.TIMEOUT.key() + " ran out before it");
    } catch (TimeoutException e) {
      throw SealMessages.KMS_FAILED.exception(e, id, target.describe(), e.getMessage());
    }
  }
}
