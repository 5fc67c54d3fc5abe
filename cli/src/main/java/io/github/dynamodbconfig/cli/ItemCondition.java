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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB condition expression with its placeholders: that an item is still as it was read, so
 * that a write does not replace what another writer changed meanwhile.
 *
 * @param expression the condition
 * @param names the attribute name placeholders
 * @param values the attribute value placeholders
 */
record ItemCondition(
    String expression, Map<String, String> names, Map<String, AttributeValue> values) {

  ItemCondition {
    names = Map.copyOf(names);
    values = Map.copyOf(values);
  }

  /**
   * That the stored item has each attribute of {@code item} as it is in {@code item}: a map by its
   * size and each of its entries (so that an entry added or removed fails it too), any other value
   * by equality.
   */
  static ItemCondition unchanged(Map<String, AttributeValue> item) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> conditions = new ArrayList<>();
    add("", item, names, values, conditions);
    return new ItemCondition(String.join(" AND ", conditions), names, values);
  }

  private static void add(
      String path,
      Map<String, AttributeValue> attributes,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      List<String> conditions) {
    for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
      String name = "#n" + names.size();
      names.put(name, attribute.getKey());
      String at = path.isEmpty() ? name : path + "." + name;
      String value = ":v" + values.size();
      if (attribute.getValue().type() == AttributeValue.Type.M) {
        values.put(value, AttributeValue.fromN(Integer.toString(attribute.getValue().m().size())));
        conditions.add("size(" + at + ") = " + value);
        add(at, attribute.getValue().m(), names, values, conditions);
      } else {
        values.put(value, attribute.getValue());
        conditions.add(at + " = " + value);
      }
    }
  }
}
