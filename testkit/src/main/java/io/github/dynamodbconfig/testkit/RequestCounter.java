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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Records every HTTP request that any AWS SDK client of this JVM sends, retries included.
 *
 * <p>Register it for all clients with a class-path file {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors} naming this class, the SDK's own
 * mechanism for global interceptors: the code under test builds its clients unchanged.
 */
public final class RequestCounter implements ExecutionInterceptor {

  /**
   * One HTTP request: the operation, the DynamoDB table it read (empty for others), and when it was
   * sent ({@link System#nanoTime()}).
   */
  public record Request(String service, String operation, String table, long nanoTime) {}

  private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();

  /** Forgets every request recorded so far. */
  public static void reset() {
    REQUESTS.clear();
  }

  /** The requests recorded since the last {@link #reset()}, in order. */
  public static List<Request> requests() {
    return List.copyOf(REQUESTS);
  }

  /** How many requests of {@code operation} (e.g. {@code Scan}) read {@code table}. */
  public static long count(String operation, String table) {
    return REQUESTS.stream()
        .filter(r -> r.operation().equals(operation) && r.table().equals(table))
        .count();
  }

  /** How many requests read {@code table}, whatever the operation. */
  public static long count(String table) {
    return REQUESTS.stream().filter(r -> r.table().equals(table)).count();
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    REQUESTS.add(
        new Request(
            attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
            table(context.request()),
            System.nanoTime()));
  }

  private static String table(SdkRequest request) {
    if (request instanceof ScanRequest scan) {
      return scan.tableName();
    }
    if (request instanceof BatchGetItemRequest batch && batch.hasRequestItems()) {
      return String.join(",", batch.requestItems().keySet());
    }
    if (request instanceof GetItemRequest get) {
      return get.tableName();
    }
    if (request instanceof UpdateItemRequest update) {
      return update.tableName();
    }
    return "";
  }
}
