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
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item that holds no value but the name of an AWS Secrets Manager secret: its value is the
 * secret's, read when the table loads, and always secret. With a JSON key, the item's property is
 * that field of a JSON secret; without one, a JSON object secret gives one property per field
 * ({@code <item key>.<field>}), as a map value does.
 *
 * @param key the item's key
 * @param secretId the secret's ARN or name
 * @param jsonKey the field of a JSON secret the item takes, if one
 * @param stage the staging label to read, {@code AWSCURRENT} unless given
 */
record SecretReference(String key, String secretId, Optional<String> jsonKey, String stage) {

  static final String SECRETS_MANAGER = "SecretsManager";
  static final String JSON_KEY = "JsonKey";
  static final String VERSION_STAGE = "VersionStage";
  static final String CURRENT = "AWSCURRENT";

  /** Whether {@code item} references a secret. */
  static boolean isReference(Map<String, AttributeValue> item) {
    return item.containsKey(SECRETS_MANAGER);
  }

  /**
   * The item that holds this reference, in a table whose key attribute is {@code keyName}: without
   * a stage attribute for the current version, as such items are usually written.
   */
  Map<String, AttributeValue> toItem(String keyName) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(keyName, AttributeValue.fromS(key));
    item.put(SECRETS_MANAGER, AttributeValue.fromS(secretId));
    jsonKey.ifPresent(field -> item.put(JSON_KEY, AttributeValue.fromS(field)));
    if (!stage.equals(CURRENT)) {
      item.put(VERSION_STAGE, AttributeValue.fromS(stage));
    }
    return item;
  }

  /** The secret as read: its id and the staging label. */
  String version() {
    return secretId + " (" + stage + ")";
  }
}
