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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A table's items as the tool reads them, and an item's key. */
final class TableItems {

  private TableItems() {}

  /** The item's key, or null when it has no S key attribute (no key the tool can address). */
  static String key(ConfigTable table, Map<String, AttributeValue> item) {
    AttributeValue key = item.get(table.keyAttribute());
    return key == null ? null : key.s();
  }

  /** The keys of {@code items}, sorted; each item has an S key (the tool read or made it). */
  static List<String> sortedKeys(ConfigTable table, List<Map<String, AttributeValue>> items) {
    return items.stream().map(item -> key(table, item)).sorted().toList();
  }

  /** The table's items by key; an item without an S key is none the tool can address. */
  static Map<String, Map<String, AttributeValue>> byKey(
      ConfigTable table, List<Map<String, AttributeValue>> items) {
    Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
    for (Map<String, AttributeValue> item : items) {
      String key = TableItems.key(table, item);
      if (key != null) {
        byKey.put(key, item);
      }
    }
    return byKey;
  }
}
