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

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The base of the local servers of AWS services that speak the JSON 1.1 protocol: a {@code POST /}
 * whose {@code X-Amz-Target} header names the operation and whose body is a JSON object, answered
 * with a JSON object, or with a JSON error whose {@code __type} names it. Counts the requests of
 * each operation, and answers the next ones with throttling or a 500 when told to.
 *
 * @param <S> the server's own type, which its switches return
 */
public abstract class AwsJsonServer<S extends AwsJsonServer<S>> extends ProtocolServer {

  private static final String JSON = "application/x-amz-json-1.1";

  private final String targetPrefix;
  private final String internalError;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final AtomicInteger throttleNext = new AtomicInteger();
  private final AtomicInteger failNext = new AtomicInteger();

  /**
   * Starts on {@code port} of 127.0.0.1.
   *
   * @param targetPrefix what {@code X-Amz-Target} starts with before the operation, e.g. {@code
   *     TrentService.}
   * @param internalError the error type of the service's 500 answer
   * @param port the port, 0 for a free one
   */
  protected AwsJsonServer(String targetPrefix, String internalError, int port) {
    super(InetAddress.getLoopbackAddress(), port);
    this.targetPrefix = targetPrefix;
    this.internalError = internalError;
  }

  /**
   * A client of this server built from {@code builder} (e.g. {@code KmsClient.builder()}): its
   * endpoint, the engine's region, dummy credentials and the URL-connection HTTP client, as the
   * library's clients meet it; the caller closes it.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
    return builder
        .endpointOverride(endpoint())
        .region(LocalDynamoDb.REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    LocalDynamoDb.ACCESS_KEY_ID, LocalDynamoDb.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** This server, as its own type. */
  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /** Answers the next {@code requests} requests with {@code ThrottlingException}. */
  public S throttleNext(int requests) {
    throttleNext.set(requests);
    return self();
  }

  /** Answers the next {@code requests} requests with a 500. */
  public S failNext(int requests) {
    failNext.set(requests);
    return self();
  }

  /** How many requests of {@code operation} came, refused ones included. */
  public int count(String operation) {
    AtomicInteger count = counts.get(operation);
    return count == null ? 0 : count.get();
  }

  /** Forgets the counts and the recorded requests. */
  public void resetCounts() {
    counts.clear();
    clearRequests();
  }

  @Override
  protected final Response handle(Request request) {
    String target = String.valueOf(request.header("X-Amz-Target"));
    if (!request.method().equals("POST") || !target.startsWith(targetPrefix)) {
      return error(400, "UnknownOperationException", "not a request of this service: " + target);
    }
    String operation = target.substring(targetPrefix.length());
    counts.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
    if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return error(400, "ThrottlingException", "Rate exceeded");
    }
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return error(500, internalError, "internal failure");
    }
    return answer(operation, JsonNode.parser().parse(request.body()));
  }

  /** Answers {@code operation}, whose request body is {@code body}. */
  protected abstract Response answer(String operation, JsonNode body);

  /** A 200 answer of {@code json}. */
  protected static Response ok(String json) {
    return Response.of(200, JSON, json);
  }

  /** An error answer: {@code type} as {@code __type}, with {@code message} unless null. */
  protected static Response error(int status, String type, String message) {
    return Response.of(
        status,
        JSON,
        message == null
            ? "{\"__type\":" + quoted(type) + "}"
            : "{\"__type\":" + quoted(type) + ",\"message\":" + quoted(message) + "}");
  }

  /** The string field {@code field} of {@code body}, if it has one. */
  protected static Optional<String> text(JsonNode body, String field) {
    return body.field(field).filter(JsonNode::isString).map(JsonNode::asString);
  }

  /** {@code text} as a JSON string. */
  protected static String quoted(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
