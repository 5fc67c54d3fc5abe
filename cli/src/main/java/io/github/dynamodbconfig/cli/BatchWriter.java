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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items and deletes keys with {@code BatchWriteItem}: {@value #BATCH} requests a call,
 * {@value #PARALLEL} calls in flight, the items DynamoDB leaves unprocessed sent again with
 * exponential backoff. At the first failure no new call starts, and the result says which keys were
 * written and which were not.
 */
final class BatchWriter {

  /** DynamoDB's limit of requests in one {@code BatchWriteItem} call. */
  static final int BATCH = 25;

  /** Calls in flight at once. */
  static final int PARALLEL = 4;

  /** Calls of one batch before its unprocessed items are given up on. */
  static final int ATTEMPTS = 10;

  /**
   * What was written.
   *
   * @param written the keys written or deleted, in no particular order
   * @param notWritten the keys not written or deleted
   * @param failure why writing stopped, when it did
   */
  record Result(List<String> written, List<String> notWritten, RuntimeException failure)
      implements TableSession.Written {

    @Override
    public int count() {
      return written.size();
    }

    @Override
    public boolean complete() {
      return failure == null;
    }

    /** The failure of writing that stopped part-way, worded by {@code headline}. */
    CliException stopped(Message headline, String table) {
      return Stopped.failure(headline, table, written, notWritten, failure);
    }
  }

  /** One put or delete, with the key it is for. */
  record Write(String key, WriteRequest request) {

    static Write put(String key, Map<String, AttributeValue> item) {
      return new Write(key, WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }

    static Write delete(ConfigTable table, String key) {
      return new Write(
          key,
          WriteRequest.builder()
              .deleteRequest(d -> d.key(Map.of(table.keyAttribute(), AttributeValue.fromS(key))))
              .build());
    }
  }

  private final TableSession session;
  private final ConfigTable table;
  private final Progress progress;
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  BatchWriter(TableSession session, Progress progress) {
    this.session = session;
    this.table = session.table();
    this.progress = progress;
  }

  /**
   * Sends {@code writes}; returns what was written and what was not. Every key DynamoDB did not
   * confirm counts as not written.
   */
  Result write(List<Write> writes) {
    ExecutorService calls =
        Executors.newFixedThreadPool(
            PARALLEL,
            task -> {
              Thread thread = new Thread(task, "dynamodb-config-write");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < writes.size(); from += BATCH) {
        List<Write> batch = writes.subList(from, Math.min(writes.size(), from + BATCH));
        batches.add(calls.submit(() -> send(batch)));
      }
      for (Future<?> batch : batches) {
        if (!join(batch)) {
          break; // interrupted: the calls in flight are stopped below
        }
      }
    } finally {
      calls.shutdownNow();
    }
    Set<String> done = Set.copyOf(written);
    List<String> left = writes.stream().map(Write::key).filter(k -> !done.contains(k)).toList();
    return new Result(List.copyOf(done), left, failure.get());
  }

  /** Sends one batch until all of it is written, or writing stops. */
  private void send(List<Write> batch) {
    List<Write> pending = batch;
    for (int attempt = 1; !pending.isEmpty() && failure.get() == null; attempt++) {
      if (attempt > ATTEMPTS) {
        failure.compareAndSet(
            null,
            new CliException(
                TableMessages.UNPROCESSED,
                Display.count(pending.size(), "item", "items"),
                table.name(),
                ATTEMPTS));
        return;
      }
      if (attempt > 1) {
        backOff(attempt);
      }
      pending = call(pending);
    }
  }

  /** One call with {@code pending}; what DynamoDB left unprocessed (none when the call failed). */
  private List<Write> call(List<Write> pending) {
    BatchWriteItemResponse response;
    try {
      response = session.batchWrite(pending.stream().map(Write::request).toList());
    } catch (DynamoDbConfigException e) {
      failure.compareAndSet(null, e);
      return List.of();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, new CliException(TableMessages.WRITE_FAILED, e));
      return List.of();
    }
    Set<String> unprocessed =
        response.unprocessedItems().getOrDefault(table.name(), List.of()).stream()
            .map(this::keyOf)
            .collect(Collectors.toSet());
    List<Write> left = pending.stream().filter(w -> unprocessed.contains(w.key())).toList();
    pending.stream()
        .filter(w -> !unprocessed.contains(w.key()))
        .forEach(write -> written.add(write.key()));
    progress.advance(pending.size() - left.size());
    return left;
  }

  /** The key of a request DynamoDB sent back unprocessed: every key of a batch is another. */
  private String keyOf(WriteRequest request) {
    Map<String, AttributeValue> item =
        request.putRequest() != null ? request.putRequest().item() : request.deleteRequest().key();
    return TableItems.key(table, item);
  }

  /** 50 ms, doubling, at most 5 s, with full jitter. */
  private static void backOff(int attempt) {
    long ceiling = Math.min(5_000L, 50L << Math.min(attempt - 2, 10));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for {@code batch}; false when interrupted, which stops the writing. */
  private boolean join(Future<?> batch) {
    try {
      batch.get();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, new CliException(TableMessages.INTERRUPTED));
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
