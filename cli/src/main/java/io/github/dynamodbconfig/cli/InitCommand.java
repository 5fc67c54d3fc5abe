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
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@code init}: creates a role's table and waits until it is ACTIVE. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create the table of a role and wait until it is ACTIVE.",
      "%nThe key attribute becomes its S hash key; billing is on-demand unless --provisioned is given. A table that exists with that key is left as it is (exit 0); one with another key schema is an error that names both (exit 2)."
    })
final class InitCommand implements Callable<Integer> {

  /** How long {@code init} waits for a new table to become ACTIVE. */
  static final Duration ACTIVE_WITHIN = Duration.ofMinutes(5);

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

  @Option(
      names = "--provisioned",
      paramLabel = "READ,WRITE",
      split = ",",
      description = "Provisioned capacity units instead of on-demand billing, e.g. 5,5")
  List<Long> provisioned;

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    if (provisioned != null
        && (provisioned.size() != 2 || provisioned.stream().anyMatch(units -> units <= 0))) {
      throw new CliException("--provisioned needs two positive numbers, READ,WRITE: e.g. 5,5");
    }
    try (DynamoDbClient client = table.newClient()) {
      TableDescription existing = describe(table, client);
      boolean created = existing == null;
      if (created) {
        create(table, client);
        table.markChange(client, false); // the change stamp, from the start
      } else if (!expectedKey(table).equals(keySchema(existing))) {
        throw new CliException(
            "Table '"
                + table.name()
                + "' exists with key schema "
                + keySchema(existing)
                + "; the config source needs "
                + expectedKey(table));
      }
      print(table, created);
      return 0;
    }
  }

  private static TableDescription describe(ConfigTable table, DynamoDbClient client) {
    try {
      return client.describeTable(r -> r.tableName(table.name())).table();
    } catch (ResourceNotFoundException e) {
      return null;
    } catch (SdkException e) {
      throw table.failure(client, "dynamodb:DescribeTable", e);
    }
  }

  private void create(ConfigTable table, DynamoDbClient client) {
    try {
      client.createTable(
          r -> {
            r.tableName(table.name())
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
              r.billingMode(BillingMode.PAY_PER_REQUEST);
            } else {
              r.billingMode(BillingMode.PROVISIONED)
                  .provisionedThroughput(
                      t ->
                          t.readCapacityUnits(provisioned.get(0))
                              .writeCapacityUnits(provisioned.get(1)));
            }
          });
    } catch (ResourceInUseException e) {
      // Created meanwhile by someone else: wait for it like for ours.
    } catch (SdkException e) {
      throw table.failure(client, "dynamodb:CreateTable", e);
    }
    try {
      client
          .waiter()
          .waitUntilTableExists(
              r -> r.tableName(table.name()), waiting -> waiting.waitTimeout(ACTIVE_WITHIN));
    } catch (SdkException e) {
      throw table.failure(client, "dynamodb:DescribeTable", e);
    }
  }

  private static String expectedKey(ConfigTable table) {
    return "HASH " + table.keyAttribute() + " (S)";
  }

  private static String keySchema(TableDescription description) {
    return description.keySchema().stream()
        .map(
            key ->
                key.keyTypeAsString()
                    + " "
                    + key.attributeName()
                    + " ("
                    + description.attributeDefinitions().stream()
                        .filter(d -> d.attributeName().equals(key.attributeName()))
                        .map(AttributeDefinition::attributeTypeAsString)
                        .findFirst()
                        .orElse("?")
                    + ")")
        .collect(Collectors.joining(", "));
  }

  private void print(ConfigTable table, boolean created) {
    String billing =
        provisioned == null
            ? "on-demand"
            : "provisioned " + provisioned.get(0) + " read, " + provisioned.get(1) + " write";
    if (output.json()) {
      output.json(
          json -> {
            json.writeStartObject();
            json.writeStringField("table", table.name());
            json.writeBooleanField("created", created);
            json.writeStringField("key", expectedKey(table));
            if (created) {
              json.writeStringField("billing", billing);
            }
            json.writeEndObject();
          });
    } else if (created) {
      output
          .out()
          .println(
              "Created table '"
                  + table.name()
                  + "' with key "
                  + expectedKey(table)
                  + ", "
                  + billing
                  + " billing: it is ACTIVE");
    } else {
      output
          .out()
          .println(
              "Table '"
                  + table.name()
                  + "' already exists with key "
                  + expectedKey(table)
                  + ": nothing to do");
    }
  }
}
