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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads a config table's items with as few requests as DynamoDB allows (design 3.2): one {@code
 * Scan} page per MB for the whole table, or {@code BatchGetItem} with 100 keys a request, sent in
 * parallel, for declared keys. Returns only complete results: every page, every batch, every
 * unprocessed key.
 */
final class TableLoader {

  /** DynamoDB's limit of keys in one {@code BatchGetItem} request. */
  static final int BATCH_SIZE = 100;

  /** At most this many {@code BatchGetItem} requests are in flight at once. */
  static final int MAX_PARALLEL_BATCHES = 8;

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(25);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
  private static final Duration STOP_GRACE = Duration.ofSeconds(1);
  private static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMillis(1);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final DynamoDbClient client;
  private final ItemLayout layout;
  private final boolean consistentRead;
  private final Duration timeout;

  /** The attribute names of a config item. */
  record ItemLayout(String keyAttribute, String valueAttribute, String secretAttribute) {

    static ItemLayout of(Settings settings) {
      return new ItemLayout(
          settings.keyAttribute(), settings.valueAttribute(), settings.secretAttribute());
    }

    /** {@code #k, #v, #s}, with the names that go with it: attribute names are never inlined. */
    String projection() {
      return "#k, #v, #s";
    }

    Map<String, String> expressionNames() {
      return Map.of("#k", keyAttribute, "#v", valueAttribute, "#s", secretAttribute);
    }
  }

  /** The items read and the number of requests it took. */
  record Result(List<Map<String, AttributeValue>> items, int requests) {
    Result {
      items = List.copyOf(items);
    }

    /** Counts only: the items hold values, which may be secret. */
    @Override
    public String toString() {
      return "Result[" + items.size() + " items, " + requests + " requests]";
    }
  }

  TableLoader(DynamoDbClient client, ItemLayout layout, boolean consistentRead, Duration timeout) {
    this.client = client;
    this.layout = layout;
    this.consistentRead = consistentRead;
    this.timeout = timeout;
  }

  /**
   * Reads the whole table, or only {@code keys} when there are any, within the time budget: each
   * request gets the time that is left of it.
   *
   * @throws TimeoutException when the budget runs out first
   * @throws CancellationException when the loading thread is interrupted
   */
  Result load(String table, List<String> keys) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    return keys.isEmpty() ? scan(table, deadline) : batchGet(table, keys, deadline);
  }

  private Result scan(String table, long deadline) throws TimeoutException {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    ScanRequest.Builder request =
        ScanRequest.builder()
            .tableName(table)
            .consistentRead(consistentRead)
            .projectionExpression(layout.projection())
            .expressionAttributeNames(layout.expressionNames());
    int requests = 0;
    Map<String, AttributeValue> startKey = null;
    do {
      Duration left = remaining(deadline, table, requests + " Scan pages read");
      ScanResponse page =
          client.scan(
              request
                  .exclusiveStartKey(startKey)
                  .overrideConfiguration(o -> o.apiCallTimeout(left))
                  .build());
      requests++;
      items.addAll(page.items());
      startKey =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (startKey != null);
    return new Result(items, requests);
  }

  private Result batchGet(String table, List<String> keys, long deadline) throws TimeoutException {
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += BATCH_SIZE) {
      chunks.add(keys.subList(from, Math.min(from + BATCH_SIZE, keys.size())));
    }
    if (chunks.size() == 1) {
      return batchGetChunk(table, chunks.get(0), deadline);
    }
    List<Thread> threads = new CopyOnWriteArrayList<>();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            Math.min(chunks.size(), MAX_PARALLEL_BATCHES),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "dynamodb-config-batch-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              threads.add(thread);
              return thread;
            });
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (List<String> chunk : chunks) {
        futures.add(executor.submit(() -> batchGetChunk(table, chunk, deadline)));
      }
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      int requests = 0;
      for (int i = 0; i < futures.size(); i++) {
        Result result = await(futures.get(i), deadline, table, futures.size() - i);
        items.addAll(result.items());
        requests += result.requests();
      }
      return new Result(items, requests);
    } finally {
      stop(executor, threads, deadline);
    }
  }

  /**
   * Stops the batch threads before the caller closes the client: interrupts them, then waits for
   * their requests, each bounded by the deadline, to end and for the threads themselves to exit (a
   * terminated pool's last worker may still be running for a moment).
   */
  private static void stop(ExecutorService executor, List<Thread> threads, long deadline) {
    executor.shutdownNow();
    long until = Math.max(deadline, System.nanoTime()) + STOP_GRACE.toNanos();
    try {
      executor.awaitTermination(until - System.nanoTime(), TimeUnit.NANOSECONDS);
      for (Thread thread : threads) {
        long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
        if (left > 0) {
          thread.join(left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Result await(Future<Result> future, long deadline, String table, int pending)
      throws TimeoutException {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException(
          pending + " BatchGetItem batches of table '" + table + "' were still pending");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof TimeoutException timeout) {
        throw timeout;
      }
      throw (Error) cause;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while loading table '" + table + "'");
    }
  }

  /** One chunk of at most 100 keys: the request, then its unprocessed keys until none is left. */
  private Result batchGetChunk(String table, List<String> keys, long deadline)
      throws TimeoutException {
    List<Map<String, AttributeValue>> keyItems = new ArrayList<>(keys.size());
    for (String key : keys) {
      keyItems.add(Map.of(layout.keyAttribute(), AttributeValue.fromS(key)));
    }
    KeysAndAttributes request =
        KeysAndAttributes.builder()
            .keys(keyItems)
            .consistentRead(consistentRead)
            .projectionExpression(layout.projection())
            .expressionAttributeNames(layout.expressionNames())
            .build();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    int requests = 0;
    for (int attempt = 0; ; attempt++) {
      Duration left = remaining(deadline, table, requests + " BatchGetItem requests made");
      Map<String, KeysAndAttributes> requestItems = Map.of(table, request);
      BatchGetItemResponse response =
          client.batchGetItem(
              b -> b.requestItems(requestItems).overrideConfiguration(o -> o.apiCallTimeout(left)));
      requests++;
      items.addAll(response.responses().getOrDefault(table, List.of()));
      KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
      if (unprocessed == null || !unprocessed.hasKeys() || unprocessed.keys().isEmpty()) {
        return new Result(items, requests);
      }
      // The same projection and consistency, whatever DynamoDB echoes back: only the keys change.
      request = request.toBuilder().keys(unprocessed.keys()).build();
      sleepBeforeRetry(attempt, deadline, table, unprocessed.keys().size());
    }
  }

  /**
   * The time left before {@code deadline}; a timeout when less than a millisecond is, since the SDK
   * truncates a request's timeout to milliseconds and reads 0 ms as no timeout at all.
   */
  private static Duration remaining(long deadline, String table, String progress)
      throws TimeoutException {
    long left = deadline - System.nanoTime();
    if (left < MIN_REQUEST_TIMEOUT.toNanos()) {
      throw new TimeoutException(
          "the time budget ran out while reading table '" + table + "' (" + progress + ")");
    }
    return Duration.ofNanos(left);
  }

  /** Full-jitter exponential backoff: a random wait up to 25 ms × 2^attempt, at most 1 s. */
  static Duration backoff(int attempt) {
    long cap = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt, 10));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
  }

  private static void sleepBeforeRetry(int attempt, long deadline, String table, int unprocessed)
      throws TimeoutException {
    long wait = backoff(attempt).toNanos();
    if (System.nanoTime() + wait >= deadline) {
      throw new TimeoutException(
          unprocessed
              + " keys of table '"
              + table
              + "' were still unprocessed by BatchGetItem when the time budget ran out");
    }
    try {
      TimeUnit.NANOSECONDS.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while loading table '" + table + "'");
    }
  }
}
