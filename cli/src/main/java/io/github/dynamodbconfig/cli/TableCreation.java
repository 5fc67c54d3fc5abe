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
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Describes and creates a session's table, for {@code init}. */
final class TableCreation {

  /** How long {@link #create} waits for a new table to become ACTIVE. */
  static final Duration ACTIVE_WITHIN = Duration.ofMinutes(5);

  private TableCreation() {}

  /** The description of {@code session}'s table, or null when it does not exist. */
  static TableDescription describe(TableSession session) {
    String name = session.table().name();
    return session.request(
        "dynamodb:DescribeTable",
        client -> {
          try {
            return client.describeTable(r -> r.tableName(name)).table();
          } catch (ResourceNotFoundException e) {
            return null;
          }
        });
  }

  /**
   * Creates {@code session}'s table with its key attribute as S hash key, on-demand or with {@code
   * provisioned} READ,WRITE units, waits until it is ACTIVE and starts its change stamp.
   */
  static void create(TableSession session, List<Long> provisioned) {
    ConfigTable table = session.table();
    session.request(
        "dynamodb:CreateTable",
        client -> {
          try {
            return client.createTable(r -> definition(r, table, provisioned));
          } catch (ResourceInUseException e) {
            return null; // created meanwhile by someone else: waited for like ours
          }
        });
    session.request(
        "dynamodb:DescribeTable",
        client ->
            client
                .waiter()
                .waitUntilTableExists(
                    r -> r.tableName(table.name()), waiting -> waiting.waitTimeout(ACTIVE_WITHIN)));
    session.request(
        "dynamodb:UpdateItem",
        client -> {
          table.markChange(client, false); // the change stamp, from the start
          return null;
        });
  }

  private static void definition(
      CreateTableRequest.Builder request, ConfigTable table, List<Long> provisioned) {
    request
        .tableName(table.name())
        .keySchema(
            KeySchemaElement.builder()
                .attributeName(table.keyAttribute())
                .keyType(KeyType.HASH)
                .build())
        .attributeDefinitions(
            AttributeDefinition.builder()
                .attributeName(table.keyAttribute())
                .attributeType(ScalarAttributeType.S)
                .build());
    if (provisioned == null) {
      request.billingMode(BillingMode.PAY_PER_REQUEST);
    } else {
      request
          .billingMode(BillingMode.PROVISIONED)
          .provisionedThroughput(
              t -> t.readCapacityUnits(provisioned.get(0)).writeCapacityUnits(provisioned.get(1)));
    }
  }
}
