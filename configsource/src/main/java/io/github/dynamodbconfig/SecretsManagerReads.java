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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/**
 * Reads referenced secrets from AWS Secrets Manager: the current versions with {@code
 * BatchGetSecretValue}, 20 ids a request, the requests in parallel; another staging label with one
 * {@code GetSecretValue} each; every request bounded by the load's time budget, with the library's
 * retries. Only this class and {@link AwsClients.SecretsManager} name the optional {@code
 * secretsmanager} module's types.
 */
final class SecretsManagerReads implements SecretReader {

  /** The most ids one {@code BatchGetSecretValue} takes. */
  static final int BATCH = 20;

  private static final DaemonThreads THREADS = DaemonThreads.numbered("dynamodb-config-secrets");

  private final SecretsManagerClient client;
  private final TableTarget target;

  private SecretsManagerReads(SecretsManagerClient client, TableTarget target) {
    this.client = client;
    this.target = target;
  }

  /** A reader of {@code target}'s references in {@code region}. */
  static SecretReader reader(Settings settings, TableTarget target, Region region) {
    return new SecretsManagerReads(
        AwsClients.SecretsManager.client(
            region, settings.secretsManagerEndpoint(), target.describe()),
        target);
  }

  @Override
  public Map<String, String> read(List<SecretReference> references, Deadline deadline) {
    try (client) {
      Map<String, String> secrets = new HashMap<>();
      Map<String, SecretReference> current = new LinkedHashMap<>();
      for (SecretReference reference : references) {
        if (reference.stage().equals(SecretReference.CURRENT)) {
          current.putIfAbsent(reference.secretId(), reference);
        } else {
          secrets.put(reference.version(), get(reference, deadline));
        }
      }
      List<String> ids = new ArrayList<>(current.keySet());
      List<List<String>> batches = new ArrayList<>();
      for (int from = 0; from < ids.size(); from += BATCH) {
        batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
      }
      for (Map<String, String> batch : inParallel(batches, current, deadline)) {
        batch.forEach((id, value) -> secrets.put(current.get(id).version(), value));
      }
      return secrets;
    }
  }

  private List<Map<String, String>> inParallel(
      List<List<String>> batches, Map<String, SecretReference> current, Deadline deadline) {
    if (batches.size() == 1) {
      return List.of(batch(batches.get(0), current, deadline));
    }
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(batches.size(), 4), THREADS);
    try {
      List<CompletableFuture<Map<String, String>>> futures =
          batches.stream()
              .map(
                  ids ->
                      CompletableFuture.supplyAsync(() -> batch(ids, current, deadline), executor))
              .toList();
      List<Map<String, String>> results = new ArrayList<>();
      for (CompletableFuture<Map<String, String>> future : futures) {
        try {
          results.add(future.join());
        } catch (CompletionException e) {
          if (e.getCause() instanceof DynamoDbConfigException failure) {
            throw failure;
          }
          throw e;
        }
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }

  /** The current values of {@code ids}, one request (and its next pages). */
  private Map<String, String> batch(
      List<String> ids, Map<String, SecretReference> current, Deadline deadline) {
    Map<String, String> values = new HashMap<>();
    String next = null;
    do {
      String token = next;
      BatchGetSecretValueResponse response =
          call(
              current.get(ids.get(0)),
              () ->
                  client.batchGetSecretValue(
                      r ->
                          r.secretIdList(ids)
                              .nextToken(token)
                              .overrideConfiguration(o -> o.apiCallTimeout(left(deadline)))));
      for (APIErrorType error : response.errors()) {
        SecretReference reference = current.get(error.secretId());
        throw SecretMessages.NOT_READ.exception(
            null,
            error.secretId(),
            reference == null ? "?" : MessageText.quoted(reference.key()),
            target.describe(),
            error.errorCode(),
            error.message());
      }
      for (SecretValueEntry entry : response.secretValues()) {
        for (String id : ids) {
          if (id.equals(entry.name()) || id.equals(entry.arn())) {
            values.put(id, entry.secretString());
          }
        }
      }
      next = response.nextToken();
    } while (next != null);
    Set<String> missing = new LinkedHashSet<>(ids);
    missing.removeAll(values.keySet());
    if (!missing.isEmpty()) {
      String id = missing.iterator().next();
      throw SecretMessages.NOT_READ.exception(
          null,
          id,
          MessageText.quoted(current.get(id).key()),
          target.describe(),
          "NoValue",
          "neither a value nor an error came back for it");
    }
    return values;
  }

  private String get(SecretReference reference, Deadline deadline) {
    return call(
            reference,
            () ->
                client.getSecretValue(
                    r ->
                        r.secretId(reference.secretId())
                            .versionStage(reference.stage())
                            .overrideConfiguration(o -> o.apiCallTimeout(left(deadline)))))
        .secretString();
  }

  private <T> T call(SecretReference reference, java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (AwsServiceException e) {
      if (e.statusCode() < 500 && !e.isThrottlingException()) {
        throw SecretMessages.NOT_READ.exception(
            e,
            reference.secretId(),
            MessageText.quoted(reference.key()),
            target.describe(),
            e.awsErrorDetails() == null ? "?" : e.awsErrorDetails().errorCode(),
            e.getMessage());
      }
      throw SecretMessages.FAILED.exception(e, target.describe(), e.getMessage());
    } catch (SdkException e) {
      throw SecretMessages.FAILED.exception(e, target.describe(), e.getMessage());
    }
  }

  private java.time.Duration left(Deadline deadline) {
    try {
      return deadline.remaining(
          () -> "the time budget " + DynamoDbConfigSetting.TIMEOUT.key() + " ran out");
    } catch (TimeoutException e) {
      throw SecretMessages.FAILED.exception(e, target.describe(), e.getMessage());
    }
  }
}
