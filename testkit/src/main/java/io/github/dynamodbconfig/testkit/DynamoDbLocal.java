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

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
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

/**
 * DynamoDB Local, in this JVM, in memory, listening on a free port of 127.0.0.1 only.
 *
 * <p>DynamoDB Local's own launcher binds every interface; this class puts its request handler
 * behind a Jetty connector bound to loopback instead. Telemetry is never started. Every client must
 * use {@link #ACCESS_KEY_ID}, {@link #SECRET_ACCESS_KEY} and {@link #REGION}; the database is
 * shared between them anyway ({@code -sharedDb}).
 */
public final class DynamoDbLocal implements AutoCloseable {

  /** The dummy access key id that this project's test JVMs and the samples use. */
  public static final String ACCESS_KEY_ID = "testAccessKey";

  /** The dummy secret access key that goes with {@link #ACCESS_KEY_ID}. */
  public static final String SECRET_ACCESS_KEY = "testSecretKey";

  /** The region every client of the local engine names. */
  public static final Region REGION = Region.US_EAST_1;

  private final Server server;
  private final URI endpoint;
  private final DynamoDbClient client;

  private DynamoDbLocal(Server server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
    this.client = newClient();
  }

  /** Starts an in-memory engine on a free loopback port. */
  public static DynamoDbLocal start() {
    return start(0);
  }

  /** Starts an in-memory engine on the given loopback port (0: a free one). */
  public static DynamoDbLocal start(int port) {
    try {
      var requestHandler = new LocalDynamoDBRequestHandler(0, true, null, true, false);
      var context = new ContextHandler();
      context.setHandler(new LocalDynamoDBServerHandler(requestHandler, null));
      var server = new Server();
      var connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(port);
      server.addConnector(connector);
      server.setHandler(context);
      server.start();
      return new DynamoDbLocal(server, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start: " + e, e);
    }
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
   * on-demand billing.
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
  }

  /** Creates a config table with the default layout ({@code Parameter} as hash key). */
  public void createConfigTable(String table) {
    createConfigTable(table, "Parameter");
  }

  /** Deletes a table if it exists. */
  public void deleteTable(String table) {
    try {
      client.deleteTable(b -> b.tableName(table));
    } catch (ResourceNotFoundException absent) {
      // nothing to delete
    }
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

  /** Stops the engine; its data is gone. */
  @Override
  public void close() {
    client.close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop: " + e, e);
    }
  }
}
