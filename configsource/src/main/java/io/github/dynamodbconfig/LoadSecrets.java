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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The secrets of one table's loads: its keyring split off, the secrets still in plain text checked,
 * the data keys of its sealed values opened with KMS, and the Secrets Manager secrets its items
 * reference read, before the items are turned into properties.
 */
final class LoadSecrets {

  /**
   * What a load needs to turn its items into properties.
   *
   * @param split the items without the keyring item, and that item
   * @param unsealer opens the sealed items
   * @param references the properties of each item that references a secret, by key
   */
  record Prepared(
      Keyring.Split split,
      SealedItems.Unsealer unsealer,
      Map<String, SecretReferences.Resolved> references) {}

  private final Settings settings;
  private final TableTarget target;
  private final DataKeys dataKeys;
  private final PlaintextSecrets plaintextSecrets;
  private final SecretReferences references;

  LoadSecrets(Settings settings, TableTarget target) {
    this.settings = settings;
    this.target = target;
    this.dataKeys = DataKeys.withKms(settings, target);
    this.plaintextSecrets = new PlaintextSecrets(settings, target);
    this.references = SecretReferences.withSecretsManager(settings, target);
  }

  /**
   * Prepares the items of a load in {@code region}, within {@code deadline}.
   *
   * @throws DynamoDbConfigException when KMS or Secrets Manager does not answer as needed, or a
   *     plain secret is refused
   */
  Prepared prepare(List<Map<String, AttributeValue>> items, Region region, Deadline deadline) {
    Keyring.Split split = Keyring.split(items, settings.layout().keyAttribute());
    plaintextSecrets.check(split);
    SealedItems.Unsealer unsealer = dataKeys.unsealer(split, region, deadline);
    return new Prepared(split, unsealer, references.resolve(split.items(), region, deadline));
  }

  /** Whether the secrets that the last load's items reference are due to be read again. */
  boolean referencesDue() {
    return references.due();
  }

  /**
   * The values of a snapshot file's sealed values, opened in {@code region}, and of the secrets it
   * references, read again.
   *
   * @throws DynamoDbConfigException when KMS or Secrets Manager does not answer as needed, or a
   *     secret no longer gives the property it names
   */
  Map<String, String> openFile(
      Optional<SealedForms> sealed,
      List<SecretReference> referenced,
      Region region,
      Deadline deadline) {
    Map<String, String> values = new HashMap<>();
    sealed.ifPresent(forms -> values.putAll(dataKeys.open(forms, region, deadline)));
    if (!referenced.isEmpty()) {
      String keyName = settings.layout().keyAttribute();
      List<Map<String, AttributeValue>> items =
          referenced.stream().map(reference -> reference.toItem(keyName)).toList();
      for (SecretReferences.Resolved one : references.resolve(items, region, deadline).values()) {
        if (!one.problem().isEmpty()) {
          throw SealMessages.NOT_OPENED.exception(
              null,
              MessageText.quoted(one.reference().map(SecretReference::key).orElse("?")),
              target.describe(),
              one.problem());
        }
        values.putAll(one.properties());
      }
    }
    return values;
  }
}
