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
package io.github.dynamodbconfig.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a file in the format of {@code aws dynamodb batch-write-item --request-items
 * file://items.json}: table name to a list of {@code PutRequest}s, each item in DynamoDB JSON.
 */
final class BatchWriteFile {

  private BatchWriteFile() {}

  /** The items of each table, in file order. */
  static Map<String, List<Map<String, AttributeValue>>> read(InputStream json) throws IOException {
    JsonNode root = JsonNode.parser().parse(json);
    Map<String, List<Map<String, AttributeValue>>> tables = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> table : root.asObject().entrySet()) {
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      for (JsonNode request : table.getValue().asArray()) {
        JsonNode put =
            request
                .field("PutRequest")
                .orElseThrow(
                    () ->
                        new IOException(
                            "only PutRequest entries are supported, in " + table.getKey()));
        items.add(
            item(put.field("Item").orElseThrow(() -> new IOException("PutRequest without Item"))));
      }
      tables.put(table.getKey(), items);
    }
    return tables;
  }

  private static Map<String, AttributeValue> item(JsonNode item) throws IOException {
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> attribute : item.asObject().entrySet()) {
      attributes.put(attribute.getKey(), value(attribute.getValue()));
    }
    return attributes;
  }

  /** One attribute value in DynamoDB JSON: {@code {"S": "x"}}, {@code {"N": "1"}}, ... */
  private static AttributeValue value(JsonNode typed) throws IOException {
    if (typed.asObject().size() != 1) {
      throw new IOException(
          "an attribute value needs exactly one type, found " + typed.asObject().keySet());
    }
    Map.Entry<String, JsonNode> entry = typed.asObject().entrySet().iterator().next();
    JsonNode v = entry.getValue();
    return switch (entry.getKey()) {
      case "S" -> AttributeValue.fromS(v.asString());
      case "N" -> AttributeValue.fromN(v.asNumber());
      case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
      case "NULL" -> AttributeValue.fromNul(v.asBoolean());
      case "B" ->
          AttributeValue.fromB(
              SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(v.asString())));
      case "SS" -> AttributeValue.fromSs(strings(v));
      case "NS" -> AttributeValue.fromNs(strings(v));
      case "BS" ->
          AttributeValue.fromBs(
              strings(v).stream()
                  .map(s -> SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(s)))
                  .toList());
      case "L" -> {
        List<AttributeValue> list = new ArrayList<>();
        for (JsonNode element : v.asArray()) {
          list.add(value(element));
        }
        yield AttributeValue.fromL(list);
      }
      case "M" -> AttributeValue.fromM(item(v));
      default -> throw new IOException("unknown DynamoDB type " + entry.getKey());
    };
  }

  private static List<String> strings(JsonNode array) {
    return array.asArray().stream()
        .map(node -> node.isNumber() ? node.asNumber() : node.asString())
        .toList();
  }
}
