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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Reads and writes a table's {@link ChangeStamp}: one {@code GetItem} of the stamp item (about one
 * read unit, whatever the table's size), one {@code UpdateItem} to mark a change.
 */
final class ChangeStampStore {

  private static final Map<String, String> NAMES =
      Map.of("#v", ChangeStamp.VERSION, "#s", ChangeStamp.STATE, "#t", ChangeStamp.SINCE);

  private final DynamoDbClient client;
  private final String table;
  private final String keyAttribute;

  ChangeStampStore(DynamoDbClient client, String table, String keyAttribute) {
    this.client = client;
    this.table = table;
    this.keyAttribute = keyAttribute;
  }

  private Map<String, AttributeValue> key() {
    return Map.of(keyAttribute, AttributeValue.fromS(ChangeStamp.KEY));
  }

  /** The table's stamp now, within {@code timeout}; empty when the table has none. */
  Optional<ChangeStamp> read(boolean consistentRead, Duration timeout) {
    GetItemResponse response =
        client.getItem(
            r ->
                r.tableName(table)
                    .key(key())
                    .consistentRead(consistentRead)
                    .projectionExpression("#v, #s, #t")
                    .expressionAttributeNames(NAMES)
                    .overrideConfiguration(o -> o.apiCallTimeout(timeout)));
    return response.hasItem() ? ChangeStamp.of(response.item()) : Optional.empty();
  }

  /**
   * Marks a change: {@code writing} before the items of a change of several are written, not {@code
   * writing} (done) after them, or after a change of one item. Each mark grows the version; the
   * first one creates the stamp.
   */
  void mark(boolean writing, Instant now) {
    client.updateItem(
        r ->
            r.tableName(table)
                .key(key())
                .updateExpression("SET #s = :s, #t = :t ADD #v :one")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(
                    Map.of(
                        ":s",
                        AttributeValue.fromS(writing ? ChangeStamp.WRITING : ChangeStamp.DONE),
                        ":t",
                        AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                        ":one",
                        AttributeValue.fromN("1"))));
  }
}
