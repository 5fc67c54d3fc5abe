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

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The secrets of a table with a keyring that are still in plain text (flagged secret, or secret by
 * their key's name, with a value in the item: neither sealed nor a reference to Secrets Manager):
 * warned about once while they stay the same, or refused under {@code
 * dynamodb.config.plaintext-secrets=fail}. Names only, never values.
 */
final class PlaintextSecrets {

  private final Settings settings;
  private final TableTarget target;
  private volatile Set<String> warned = Set.of();

  PlaintextSecrets(Settings settings, TableTarget target) {
    this.settings = settings;
    this.target = target;
  }

  /**
   * Checks the items of a load, whose keyring {@code split} holds (none: nothing to check).
   *
   * @throws DynamoDbConfigException under {@code fail}, when a secret is in plain text
   */
  void check(Keyring.Split split) {
    if (split.keyring().isEmpty()) {
      return;
    }
    Set<String> plain = new TreeSet<>();
    for (Map<String, AttributeValue> item : split.items()) {
      AttributeValue key = item.get(settings.layout().keyAttribute());
      boolean plainValue = item.containsKey(settings.layout().valueAttribute());
      if (key != null && key.s() != null && plainValue && secret(item, key.s())) {
        plain.add(key.s());
      }
    }
    if (plain.isEmpty()) {
      warned = Set.of();
      return;
    }
    String keys = String.join(", ", plain.stream().map(MessageText::quoted).toList());
    String count = MessageText.count(plain.size(), "secret is", "secrets are");
    String setting = DynamoDbConfigSetting.PLAINTEXT_SECRETS.key();
    if (settings.failOnPlaintextSecrets()) {
      throw SealMessages.PLAINTEXT_SECRETS_REFUSED.exception(
          null, target.describe(), count, keys, setting);
    }
    if (plain.equals(warned)) {
      SealMessages.PLAINTEXT_SECRETS_AGAIN.log(target.describe(), keys);
    } else {
      SealMessages.PLAINTEXT_SECRETS.log(target.describe(), count, keys, setting);
      warned = Set.copyOf(plain);
    }
  }

  private boolean secret(Map<String, AttributeValue> item, String key) {
    AttributeValue flag = item.get(settings.layout().secretAttribute());
    return (flag != null && Boolean.TRUE.equals(flag.bool())) || settings.secretKeys().matches(key);
  }
}
