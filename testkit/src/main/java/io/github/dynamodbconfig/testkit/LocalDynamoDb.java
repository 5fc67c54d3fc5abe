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
package io.github.dynamodbconfig.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The local DynamoDB engine of the project's tests and samples: dynalite, an open-source
 * implementation of DynamoDB's API (Apache-2.0), in memory, in a Node.js process of its own that
 * listens on a free port of 127.0.0.1 only and ends with this JVM. Tables are ACTIVE as soon as
 * they are created. Clients use {@link #ACCESS_KEY_ID}, {@link #SECRET_ACCESS_KEY} and {@link
 * #REGION} (the engine accepts any).
 */
public final class LocalDynamoDb implements AutoCloseable {

  /** The dummy access key id that this project's test JVMs and the samples use. */
  public static final String ACCESS_KEY_ID = "testAccessKey";

  /** The dummy secret access key that goes with {@link #ACCESS_KEY_ID}. */
  public static final String SECRET_ACCESS_KEY = "testSecretKey";

  /** The region every client of the local engine names. */
  public static final Region REGION = Region.US_EAST_1;

  /**
   * Whether the engine counts a string's size as DynamoDB does, in UTF-8 bytes. dynalite counts
   * UTF-16 code units, so it takes an item with non-ASCII strings that DynamoDB refuses as over 400
   * KB: a test that uses the engine to check the size of such an item cannot rely on its refusal.
   */
  public static final boolean COUNTS_STRINGS_IN_UTF8_BYTES = false;

  /**
   * Whether the engine charges a strongly consistent {@code Scan} at the eventually consistent
   * rate, half of what DynamoDB charges. dynalite does; its {@code GetItem} and {@code
   * BatchGetItem} units follow DynamoDB's rules.
   */
  public static final boolean CHARGES_STRONG_SCANS_AS_EVENTUAL = true;

  /**
   * The read units DynamoDB charges for a {@code Scan} page that the engine charged {@code
   * charged}: DynamoDB charges a strongly consistent read twice the eventually consistent rate.
   *
   * @param charged the page's {@code ConsumedCapacity.CapacityUnits} from the engine
   * @param consistentRead whether the page was read strongly consistent
   */
  public static double dynamoDbScanUnits(double charged, boolean consistentRead) {
    return consistentRead && CHARGES_STRONG_SCANS_AS_EVENTUAL ? charged * 2 : charged;
  }

  private final DynaliteProcess process;
  private final URI endpoint;
  private final DynamoDbClient client;

  private LocalDynamoDb(DynaliteProcess process) {
    this.process = process;
    this.endpoint = URI.create("http://127.0.0.1:" + process.port());
    this.client = newClient();
  }

  /** Starts an in-memory engine on a free loopback port. */
  public static LocalDynamoDb start() {
    return start(0);
  }

  /** Starts an in-memory engine on the given loopback port (0: a free one). */
  public static LocalDynamoDb start(int port) {
    return new LocalDynamoDb(DynaliteProcess.start(port));
  }

  /** The engine's HTTP endpoint, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The port the engine listens on. */
  public int port() {
    return endpoint.getPort();
  }

  /** A client of this engine, shared; closed with the engine. */
  public DynamoDbClient client() {
    return client;
  }

  /** A new client of this engine with the dummy credentials; the caller closes it. */
  public DynamoDbClient newClient() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /**
   * Creates (or empties and re-creates) a config table: hash key {@code keyAttribute} of type S,
   * on-demand billing; returns once it is ACTIVE. As in DynamoDB, a table is deleted in the
   * background: this waits for a table of that name to be gone first.
   */
  public void createConfigTable(String table, String keyAttribute) {
    deleteTable(table);
    client.createTable(
        b ->
            b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName(keyAttribute)
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder()
                        .attributeName(keyAttribute)
                        .keyType(KeyType.HASH)
                        .build()));
    try (DynamoDbWaiter waiter = waiter()) {
      waiter.waitUntilTableExists(b -> b.tableName(table));
    }
  }

  /** Creates a config table with the default layout ({@code Parameter} as hash key). */
  public void createConfigTable(String table) {
    createConfigTable(table, "Parameter");
  }

  /**
   * Deletes a table if it exists, and returns once it is gone (DynamoDB deletes in the background).
   */
  public void deleteTable(String table) {
    try {
      client.deleteTable(b -> b.tableName(table));
    } catch (ResourceNotFoundException absent) {
      return; // nothing to delete
    }
    try (DynamoDbWaiter waiter = waiter()) {
      waiter.waitUntilTableNotExists(b -> b.tableName(table));
    }
  }

  /** A waiter that asks every 5 ms, for at most 10 s: the local engine changes tables at once. */
  private DynamoDbWaiter waiter() {
    return DynamoDbWaiter.builder()
        .client(client)
        .overrideConfiguration(
            o ->
                o.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                    .maxAttempts(2_000)
                    .waitTimeout(Duration.ofSeconds(10)))
        .build();
  }

  /** Writes items with {@code BatchWriteItem}, 25 at a time, retrying unprocessed ones. */
  public void putItems(String table, List<Map<String, AttributeValue>> items) {
    List<WriteRequest> writes = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      writes.add(
          WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    for (int from = 0; from < writes.size(); from += 25) {
      Map<String, List<WriteRequest>> pending =
          Map.of(table, writes.subList(from, Math.min(from + 25, writes.size())));
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        pending = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
  }

  /**
   * Writes one item {@code {Parameter: key, Value: value}}; a value under a key that looks secret
   * is registered with {@link SecretValues}.
   */
  public void put(String table, String key, AttributeValue value) {
    SecretValues.registerIfSecretKey(key, value);
    client.putItem(b -> b.tableName(table).item(Map.of("Parameter", Items.s(key), "Value", value)));
  }

  /** The engine's process id. */
  public long pid() {
    return process.pid();
  }

  /** Stops the engine; its data is gone. */
  @Override
  public void close() {
    client.close();
    process.stop();
  }
}
