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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Sends the requests that read a config table, whole items without a projection: one paginated
 * {@code Scan}, or {@code BatchGetItem} for declared keys, all within one time budget; the client
 * belongs to the caller (docs/how-it-works.md).
 */
final class TableReader {

  /** DynamoDB's limit of keys in one {@code BatchGetItem} request. */
  static final int BATCH_SIZE = 100;

  /** At most this many {@code BatchGetItem} requests are in flight at once. */
  static final int MAX_PARALLEL_BATCHES = 8;

  /** The name of the threads of parallel {@code BatchGetItem} requests, with a number. */
  static final String BATCH_THREAD_NAME = "dynamodb-config-batch";

  private static final DaemonThreads BATCH_THREADS = DaemonThreads.numbered(BATCH_THREAD_NAME);
  private static final Duration STOP_GRACE = Duration.ofSeconds(1);

  private final DynamoDbClient client;
  private final ItemLayout layout;
  private final boolean consistentRead;

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

  TableReader(DynamoDbClient client, ItemLayout layout, boolean consistentRead) {
    this.client = client;
    this.layout = layout;
    this.consistentRead = consistentRead;
  }

  /**
   * Reads the whole table, or only {@code keys} when there are any, within {@code budget}.
   *
   * @throws TimeoutException when the budget runs out first
   * @throws CancellationException when the reading thread is interrupted
   */
  Result read(String table, List<String> keys, Duration budget) throws TimeoutException {
    Deadline deadline = Deadline.after(budget);
    return keys.isEmpty() ? scan(table, deadline) : batchGet(table, keys, deadline);
  }

  private Result scan(String table, Deadline deadline) throws TimeoutException {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    ScanRequest.Builder request =
        ScanRequest.builder().tableName(table).consistentRead(consistentRead);
    int requests = 0;
    Map<String, AttributeValue> startKey = null;
    do {
      int pages = requests;
      Duration left = deadline.remaining(() -> ranOut(table, pages + " Scan pages read"));
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

  private static String ranOut(String table, String progress) {
    return "the time budget ran out while reading table '" + table + "' (" + progress + ")";
  }

  private Result batchGet(String table, List<String> keys, Deadline deadline)
      throws TimeoutException {
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
            task -> {
              Thread thread = BATCH_THREADS.newThread(task);
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
  private static void stop(ExecutorService executor, List<Thread> threads, Deadline deadline) {
    executor.shutdownNow();
    long until = System.nanoTime() + Math.max(0, deadline.nanosLeft()) + STOP_GRACE.toNanos();
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

  private static Result await(Future<Result> future, Deadline deadline, String table, int pending)
      throws TimeoutException {
    try {
      return future.get(Math.max(0, deadline.nanosLeft()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException(
          pending + " BatchGetItem batches of table '" + table + "' were still pending");
    } catch (ExecutionException e) {
      throw ExceptionCauses.rethrow(e, TimeoutException.class);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(table);
    }
  }

  private static CancellationException interrupted(String table) {
    return new CancellationException("interrupted while loading table '" + table + "'");
  }

  /** One chunk of at most 100 keys: the request, then its unprocessed keys until none is left. */
  private Result batchGetChunk(String table, List<String> keys, Deadline deadline)
      throws TimeoutException {
    List<Map<String, AttributeValue>> keyItems = new ArrayList<>(keys.size());
    for (String key : keys) {
      keyItems.add(Map.of(layout.keyAttribute(), AttributeValue.fromS(key)));
    }
    KeysAndAttributes request =
        KeysAndAttributes.builder().keys(keyItems).consistentRead(consistentRead).build();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      int made = attempt - 1;
      Duration left = deadline.remaining(() -> ranOut(table, made + " BatchGetItem requests made"));
      Map<String, KeysAndAttributes> requestItems = Map.of(table, request);
      BatchGetItemResponse response =
          client.batchGetItem(
              b -> b.requestItems(requestItems).overrideConfiguration(o -> o.apiCallTimeout(left)));
      items.addAll(response.responses().getOrDefault(table, List.of()));
      KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
      if (unprocessed == null || !unprocessed.hasKeys() || unprocessed.keys().isEmpty()) {
        return new Result(items, attempt);
      }
      // The same consistency, whatever DynamoDB echoes back: only the keys change.
      request = request.toBuilder().keys(unprocessed.keys()).build();
      sleepBeforeRetry(attempt, deadline, table, unprocessed.keys().size());
    }
  }

  private static void sleepBeforeRetry(
      int attempt, Deadline deadline, String table, int unprocessed) throws TimeoutException {
    boolean slept;
    try {
      slept = Backoff.pause(attempt, deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(table);
    }
    if (!slept) {
      throw new TimeoutException(
          unprocessed
              + " keys of table '"
              + table
              + "' were still unprocessed by BatchGetItem when the time budget ran out");
    }
  }
}
