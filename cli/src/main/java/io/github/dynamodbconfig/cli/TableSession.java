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
import io.github.dynamodbconfig.DynamoDbConfigException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One table and the client that reaches it, for the length of a command: every request the tool
 * sends goes through here, its failure worded as the library words its own, and every write goes
 * through {@link #change}, which keeps the table's change stamp in order. Closing it closes the
 * client it created.
 */
final class TableSession implements AutoCloseable {

  /** What the writes of one change did. */
  interface Written {

    /** How many items they wrote or deleted. */
    int count();

    /** Whether every write of the change went through. */
    boolean complete();

    /** Writes that all went through, {@code count} of them. */
    static Written all(int count) {
      return new All(count);
    }

    /** Writes that all went through. */
    record All(int count) implements Written {
      @Override
      public boolean complete() {
        return true;
      }
    }
  }

  private final ConfigTable table;
  private final DynamoDbClient client;
  private final SessionSealing sealing;

  private TableSession(ConfigTable table, DynamoDbClient client) {
    this.table = table;
    this.client = client;
    this.sealing = new SessionSealing(table, client, this::raw);
  }

  /** A session on {@code table}, with a client of its own. */
  static TableSession open(ConfigTable table) {
    return new TableSession(table, table.newClient());
  }

  /**
   * Every item of {@code table} as stored (sealed values sealed, the keyring item with them), in a
   * session of its own.
   */
  static List<Map<String, AttributeValue>> readStored(ConfigTable table) {
    try (TableSession session = open(table)) {
      return table.readItems(session.client);
    }
  }

  /** Every item of {@code table}, read as the source reads it, in a session of its own. */
  static List<Map<String, AttributeValue>> readAll(ConfigTable table) {
    try (TableSession session = open(table)) {
      return session.items();
    }
  }

  /**
   * What an application gets from {@code table}, read in a session of its own: sealed values
   * opened, referenced secrets read.
   */
  static ConfigTable.Contents readContents(ConfigTable table) {
    try (TableSession session = open(table)) {
      return session.contents(session.items());
    }
  }

  ConfigTable table() {
    return table;
  }

  /**
   * What an application gets from {@code items} (as {@link #items} gave them), the secrets they
   * reference read from Secrets Manager.
   */
  ConfigTable.Contents contents(List<Map<String, AttributeValue>> items) {
    return table.contents(client, items);
  }

  /**
   * Every item of the table, read as the source reads it (the library's own read), each sealed item
   * opened in memory into the plain item it stands for; the keyring item, which is no setting, left
   * out.
   */
  List<Map<String, AttributeValue>> items() {
    return sealing.fromTable(table.readItems(client));
  }

  /** The sealed values of this session: its keyring, and what it seals and opens. */
  SessionSealing seals() {
    return sealing;
  }

  /**
   * Writes keyring item {@code item} in place of {@code was}, in a {@link #change}, only if the
   * stored keyring still is {@code was}.
   *
   * @throws CliException when another writer changed the keyring meanwhile
   */
  void replaceKeyring(Map<String, AttributeValue> item, Map<String, AttributeValue> was) {
    ItemCondition unchanged = ItemCondition.unchanged(was);
    if (!putIf(item, unchanged.expression(), unchanged.names(), unchanged.values())) {
      throw new CliException(TableMessages.KEYRING_CHANGED, table.name());
    }
    sealing.keyringWritten(item);
  }

  /**
   * The item of {@code key}, read strongly consistent, opened when it is sealed; empty when there
   * is none.
   */
  Map<String, AttributeValue> get(String key) {
    Map<String, AttributeValue> item = raw(key);
    return item.isEmpty() ? item : sealing.opened(List.of(item)).get(0);
  }

  /** The item of {@code key} as stored, read strongly consistent; empty when there is none. */
  private Map<String, AttributeValue> raw(String key) {
    Map<String, AttributeValue> item =
        send(
            "dynamodb:GetItem",
            () ->
                client
                    .getItem(r -> r.tableName(table.name()).key(key(key)).consistentRead(true))
                    .item());
    return item == null ? Map.of() : item;
  }

  /**
   * Writes {@code item} unless an item of its key exists, in a {@link #change}; whether it wrote
   * it.
   */
  boolean putNew(Map<String, AttributeValue> item) {
    return putIf(
        item, "attribute_not_exists(#key)", Map.of("#key", table.keyAttribute()), Map.of());
  }

  /** Writes {@code item} if {@code condition} holds; whether it did. */
  private boolean putIf(
      Map<String, AttributeValue> item,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    try {
      send(
          "dynamodb:PutItem",
          () ->
              client.putItem(
                  r ->
                      r.tableName(table.name())
                          .item(item)
                          .conditionExpression(condition)
                          .expressionAttributeNames(names)
                          .expressionAttributeValues(values.isEmpty() ? null : values)));
      return true;
    } catch (DynamoDbConfigException e) {
      if (e.getCause() instanceof ConditionalCheckFailedException) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Writes {@code item}, a sealed item this session read and opened, sealed again, in a {@link
   * #change}, only if the stored item is still as it was read.
   *
   * @throws CliException when another writer changed it meanwhile
   */
  void putUnchanged(Map<String, AttributeValue> item) {
    String key = TableItems.key(table, item);
    ItemCondition unchanged = ItemCondition.unchanged(sealing.storedForm(key));
    Map<String, AttributeValue> written = sealing.forWriting(item);
    if (!putIf(written, unchanged.expression(), unchanged.names(), unchanged.values())) {
      throw new CliException(TableMessages.ITEM_CHANGED, ConfigTable.quoted(key), table.name());
    }
  }

  /** Every item of the table as stored, read again. */
  List<Map<String, AttributeValue>> stored() {
    return table.readItems(client);
  }

  /** Writes {@code item}, in a {@link #change}. */
  void put(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> written = sealing.forWriting(item);
    send("dynamodb:PutItem", () -> client.putItem(r -> r.tableName(table.name()).item(written)));
  }

  /** Deletes the item of {@code key}, in a {@link #change}; whether there was one. */
  boolean delete(String key) {
    Map<String, AttributeValue> old =
        send(
            "dynamodb:DeleteItem",
            () ->
                client
                    .deleteItem(
                        r ->
                            r.tableName(table.name())
                                .key(key(key))
                                .returnValues(ReturnValue.ALL_OLD))
                    .attributes());
    return old != null && !old.isEmpty();
  }

  /** Sends one {@code BatchWriteItem} call of {@code requests}, in a {@link #change}. */
  BatchWriteItemResponse batchWrite(List<WriteRequest> requests) {
    List<WriteRequest> written =
        requests.stream()
            .map(
                request ->
                    request.putRequest() == null
                        ? request
                        : WriteRequest.builder()
                            .putRequest(
                                p -> p.item(sealing.forWriting(request.putRequest().item())))
                            .build())
            .toList();
    return send(
        "dynamodb:BatchWriteItem",
        () -> client.batchWriteItem(r -> r.requestItems(Map.of(table.name(), written))));
  }

  /**
   * Sends one request with this session's client, its failure worded as the library words its own,
   * naming {@code iamAction}.
   */
  <T> T request(String iamAction, Function<DynamoDbClient, T> call) {
    return send(iamAction, () -> call.apply(client));
  }

  /**
   * Runs {@code writes}, {@code count} of them, as one change of the table, marked in its change
   * stamp: a change of several items is marked in progress before its first write and done after
   * its last, one of a single item done after it, so that a refresh of a running application never
   * publishes half of a change. A change that stops part-way stays marked in progress.
   */
  <T extends Written> T change(int count, Supplier<T> writes) {
    boolean several = marksInProgress(count);
    if (several) {
      table.markChange(client, true);
    }
    T written = writes.get();
    if (written.complete() && (several || written.count() > 0)) {
      markDone(written);
    }
    return written;
  }

  /** Whether a change of {@code count} writes is marked in progress while it is written. */
  static boolean marksInProgress(int count) {
    return count > 1;
  }

  private void markDone(Written written) {
    try {
      table.markChange(client, false);
    } catch (DynamoDbConfigException e) {
      throw new CliException(
              TableMessages.STAMP_NOT_DONE,
              table.name(),
              Display.count(written.count(), "item", "items"),
              e.getMessage())
          .withDetails(List.of(TableMessages.STAMP_NEXT.format()));
    }
  }

  /**
   * Whether DynamoDB refused a request as invalid ({@code ValidationException}): the same request
   * fails the same way again, whatever the credentials, the capacity or the network.
   */
  static boolean refused(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AwsServiceException service
          && service.awsErrorDetails() != null
          && "ValidationException".equals(service.awsErrorDetails().errorCode())) {
        return true;
      }
    }
    return false;
  }

  private Map<String, AttributeValue> key(String key) {
    return Map.of(table.keyAttribute(), AttributeValue.fromS(key));
  }

  /** The one place a request's failure is mapped: worded by the library, naming its IAM action. */
  private <T> T send(String iamAction, Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      throw table.failure(client, iamAction, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
