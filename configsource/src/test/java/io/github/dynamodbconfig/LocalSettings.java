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

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.util.HashMap;
import java.util.Map;

/** Settings of a source that reads the tests' local DynamoDB engine. */
final class LocalSettings {

  private LocalSettings() {}

  /** The settings for {@code engine} plus {@code keyValues} (leaf of the key, value, ...). */
  static Settings of(LocalDynamoDb engine, String... keyValues) {
    Map<String, String> values = new HashMap<>();
    values.put(DynamoDbConfigSetting.ENDPOINT.key(), engine.endpoint().toString());
    values.put(DynamoDbConfigSetting.REGION.key(), LocalDynamoDb.REGION.id());
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(DynamoDbConfigSetting.PREFIX + keyValues[i], keyValues[i + 1]);
    }
    return SettingsParser.read(values::get);
  }
}
