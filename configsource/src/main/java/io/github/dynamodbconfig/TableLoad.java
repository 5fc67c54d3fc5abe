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

import static io.github.dynamodbconfig.DynamoDbConfigSetting.REGION;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.REQUIRED;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.SNAPSHOT_FILE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.SNAPSHOT_MAX_AGE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.TIMEOUT;

import io.github.dynamodbconfig.TableLoader.ItemLayout;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * One load of a table into a {@link Snapshot}, with its log lines and its failure policy: a failure
 * throws one {@link DynamoDbConfigException} naming role, table, region and cause, or with {@code
 * dynamodb.config.required=false} gives an empty snapshot and one WARN line.
 */
final class TableLoad {

  private static final Logger LOG = System.getLogger(DynamoDbConfigSource.class.getName());

  /** At most this many attempts of one request, all inside the load's time budget. */
  static final int MAX_ATTEMPTS = 10;

  /**
   * The SDK's standard retry conditions (throttling, 5xx, I/O errors such as a connection reset),
   * plus a response whose CRC32 does not match (a body cut short, which the SDK does not retry by
   * itself), with more attempts, full-jitter exponential backoff, and no retry quota: a one-off
   * load at start-up should use its whole time budget, which bounds every request ({@link
   * TableLoader}).
   */
  private static final RetryStrategy RETRIES =
      AwsRetryStrategy.standardRetryStrategy().toBuilder()
          .maxAttempts(MAX_ATTEMPTS)
          .retryOnExceptionOrCauseInstanceOf(Crc32MismatchException.class)
          .backoffStrategy(
              BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(1)))
          .throttlingBackoffStrategy(
              BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
          .circuitBreakerEnabled(false)
          .build();

  private TableLoad() {}

  /** Loads with a client built from the settings, and closes it afterwards. */
  static Snapshot withOwnClient(Settings settings, TableTarget target) {
    DynamoDbClient client;
    try {
      client = newClient(settings, target.instanceRegion(), target.describe());
    } catch (DynamoDbConfigException e) {
      return failed(settings, target, e);
    }
    try (client) {
      return withClient(settings, target, client);
    }
  }

  /**
   * A client built from the settings, or an exception that says what to set: the URL-connection
   * HTTP client set explicitly (another HTTP client on the class path cannot change it; the
   * DynamoDB client owns and closes it), the region of the settings, else {@code instanceRegion}
   * (found by role resolution when no region is configured), else the SDK's default chain; the
   * endpoint of the settings; the SDK's default credentials chain. Each request of a load sets its
   * own timeout from the time budget ({@link TableLoader}).
   */
  static DynamoDbClient newClient(
      Settings settings, Optional<Region> instanceRegion, String purpose) {
    return newClient(settings, instanceRegion, purpose, Optional.empty());
  }

  /**
   * A client as above; with {@code timer}, the request timeouts run on that executor, which the
   * caller owns, instead of on threads of the client's own (for a client that stays open).
   */
  static DynamoDbClient newClient(
      Settings settings,
      Optional<Region> instanceRegion,
      String purpose,
      Optional<ScheduledExecutorService> timer) {
    try {
      var builder =
          DynamoDbClient.builder()
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .overrideConfiguration(
                  o -> {
                    o.retryStrategy(RETRIES);
                    timer.ifPresent(o::scheduledExecutorService);
                  });
      settings.region().map(Region::of).or(() -> instanceRegion).ifPresent(builder::region);
      settings.endpoint().ifPresent(builder::endpointOverride);
      return builder.build();
    } catch (SdkException e) {
      throw new DynamoDbConfigException(
          "Cannot create the DynamoDB client for "
              + purpose
              + ": "
              + e.getMessage()
              + " Set "
              + REGION.key()
              + " (or AWS_REGION), and credentials through the AWS SDK's default chain",
          e);
    }
  }

  /** Loads with {@code client}, which the caller owns. */
  static Snapshot withClient(Settings settings, TableTarget target, DynamoDbClient client) {
    long start = System.nanoTime();
    TableLoader.Result result;
    try {
      result = read(settings, target, client);
    } catch (DynamoDbConfigException e) {
      return fromSnapshotFile(settings, target, e).orElseGet(() -> failed(settings, target, e));
    }
    return snapshot(settings, target, client, result, start, Level.INFO, Snapshot.EMPTY);
  }

  /**
   * Loads again for a refresh with {@code client}, which the caller owns: a failure always throws
   * (the caller keeps its last good snapshot), the load's summary line is DEBUG, and an item
   * skipped as in {@code previous} is not warned about again.
   */
  static Snapshot reload(
      Settings settings, TableTarget target, DynamoDbClient client, Snapshot previous) {
    long start = System.nanoTime();
    return snapshot(
        settings, target, client, read(settings, target, client), start, Level.DEBUG, previous);
  }

  private static TableLoader.Result read(
      Settings settings, TableTarget target, DynamoDbClient client) {
    try {
      return new TableLoader(
              client, ItemLayout.of(settings), settings.consistentRead(), settings.timeout())
          .load(target.table(), settings.keys());
    } catch (SdkException | TimeoutException | CancellationException e) {
      throw describeFailure(settings, target, client.serviceClientConfiguration().region(), e);
    }
  }

  private static Snapshot snapshot(
      Settings settings,
      TableTarget target,
      DynamoDbClient client,
      TableLoader.Result result,
      long start,
      Level summaryLevel,
      Snapshot previous) {
    Region region = client.serviceClientConfiguration().region();
    Snapshot snapshot =
        Snapshot.of(
            target.table(),
            result.items(),
            ItemLayout.of(settings),
            settings.secretKeys(),
            settings.onInvalidItem());
    for (String skipped : snapshot.skipped()) {
      LOG.log(previous.skipped().contains(skipped) ? Level.DEBUG : Level.WARNING, skipped);
    }
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    List<String> missing = missingKeys(settings, result.items());
    LOG.log(
        summaryLevel,
        () ->
            "Loaded DynamoDB table '"
                + target.table()
                + "' ("
                + target.provenance()
                + ", region "
                + region
                + "): "
                + count(snapshot.names().size(), "property", "properties")
                + ", "
                + count(snapshot.secrets().size(), "secret", "secrets")
                + ", "
                + count(result.requests(), "request", "requests")
                + ", "
                + elapsedMillis
                + " ms"
                + (missing.isEmpty()
                    ? ""
                    : "; "
                        + count(missing.size(), "declared key", "declared keys")
                        + " of "
                        + DynamoDbConfigSetting.KEYS.key()
                        + " not in the table: "
                        + String.join(", ", missing)));
    if (LOG.isLoggable(Level.DEBUG)) {
      for (String name : new TreeSet<>(snapshot.names())) {
        LOG.log(Level.DEBUG, target.table() + ": " + name + " = " + snapshot.printable(name));
      }
    }
    target.snapshotFile(settings).ifPresent(path -> save(new SnapshotFile(path), target, snapshot));
    return snapshot;
  }

  private static void save(SnapshotFile file, TableTarget target, Snapshot snapshot) {
    try {
      file.save(target.table(), snapshot, Instant.now());
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          () ->
              "Cannot write the snapshot file "
                  + file.path()
                  + " of "
                  + SNAPSHOT_FILE.key()
                  + " for DynamoDB "
                  + target.describe()
                  + ": "
                  + e);
    }
  }

  /**
   * The last good snapshot from {@code dynamodb.config.snapshot-file}, with a WARN line, when the
   * load failed because DynamoDB could not be reached (not for a missing table or denied access)
   * and the file is of this table and young enough.
   */
  private static Optional<Snapshot> fromSnapshotFile(
      Settings settings, TableTarget target, DynamoDbConfigException failure) {
    Optional<Path> path = target.snapshotFile(settings);
    if (path.isEmpty() || !unreachable(failure.getCause())) {
      return Optional.empty();
    }
    SnapshotFile file = new SnapshotFile(path.get());
    Optional<SnapshotFile.Saved> saved;
    try {
      saved =
          file.read(
              target.table(), settings.snapshotMaxAge(), settings.secretKeys(), Instant.now());
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          () ->
              "Cannot read the snapshot file "
                  + file.path()
                  + " of "
                  + SNAPSHOT_FILE.key()
                  + ": "
                  + e);
      return Optional.empty();
    }
    saved.ifPresent(
        s ->
            LOG.log(
                Level.WARNING,
                () ->
                    failure.getMessage()
                        + "; starting from the snapshot file "
                        + file.path()
                        + " saved "
                        + describeAge(s.age())
                        + " ago ("
                        + count(s.snapshot().names().size(), "property", "properties")
                        + ", "
                        + SNAPSHOT_MAX_AGE.key()
                        + "="
                        + settings.snapshotMaxAge()
                        + ")"));
    return saved.map(SnapshotFile.Saved::snapshot);
  }

  /** A failure of reaching DynamoDB rather than of the table or the credentials' rights. */
  static boolean unreachable(Throwable cause) {
    if (cause instanceof TimeoutException || cause instanceof ApiCallTimeoutException) {
      return true;
    }
    if (cause instanceof AwsServiceException service) {
      return service.statusCode() >= 500 || service.isThrottlingException();
    }
    return cause instanceof SdkClientException && ioCause(cause).isPresent();
  }

  /** {@code 45 s}, {@code 12 min}, {@code 3 h 12 min}. */
  static String describeAge(Duration age) {
    if (age.toMinutes() < 1) {
      return age.toSeconds() + " s";
    }
    if (age.toHours() < 1) {
      return age.toMinutes() + " min";
    }
    return age.toHours() + " h " + age.toMinutesPart() + " min";
  }

  static String count(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  /** The declared keys that no item answered, in declaration order. */
  private static List<String> missingKeys(
      Settings settings, List<Map<String, AttributeValue>> items) {
    if (settings.keys().isEmpty() || items.size() == settings.keys().size()) {
      return List.of();
    }
    Set<String> found = new HashSet<>();
    for (Map<String, AttributeValue> item : items) {
      AttributeValue key = item.get(settings.keyAttribute());
      if (key != null && key.s() != null) {
        found.add(key.s());
      }
    }
    return settings.keys().stream().filter(key -> !found.contains(key)).toList();
  }

  private static DynamoDbConfigException describeFailure(
      Settings settings, TableTarget target, Region region, Exception e) {
    String where = "DynamoDB " + target.describe() + " in region " + region;
    String action = settings.keys().isEmpty() ? "dynamodb:Scan" : "dynamodb:BatchGetItem";
    if (e instanceof CancellationException) {
      return new DynamoDbConfigException("Loading " + where + " was interrupted", e);
    }
    if (e instanceof TimeoutException || e instanceof ApiCallTimeoutException) {
      return new DynamoDbConfigException(
          "Loading "
              + where
              + " did not finish within "
              + TIMEOUT.key()
              + "="
              + settings.timeout()
              + ": "
              + e.getMessage(),
          e);
    }
    if (e instanceof SdkClientException
        && String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
      return new DynamoDbConfigException(
          "No AWS credentials to read DynamoDB "
              + target.describe()
              + " in region "
              + region
              + ": the AWS SDK's default chain found none (system properties aws.accessKeyId and"
              + " aws.secretAccessKey, environment variables AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, web identity token, the AWS profile files, a container or"
              + " EC2 instance role)",
          e);
    }
    Optional<IOException> io = ioCause(e);
    if (io.isPresent()
        && (io.get() instanceof UnknownHostException || io.get() instanceof ConnectException)) {
      String endpoint =
          settings.endpoint().map(URI::toString).orElse("the DynamoDB endpoint of the region");
      boolean unknownRegion = settings.endpoint().isEmpty() && !Region.regions().contains(region);
      return new DynamoDbConfigException(
          "Cannot reach DynamoDB for "
              + target.describe()
              + " in region "
              + region
              + ": "
              + (io.get() instanceof UnknownHostException
                  ? "unknown host " + io.get().getMessage()
                  : endpoint + " refused the connection")
              + (unknownRegion
                  ? "; '" + region + "' is not a region this AWS SDK knows: check " + REGION.key()
                  : "")
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
    if (e instanceof ResourceNotFoundException) {
      return new DynamoDbConfigException(where + " was not found: " + e.getMessage(), e);
    }
    if (e instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && "AccessDeniedException".equals(service.awsErrorDetails().errorCode())) {
      return new DynamoDbConfigException(
          "Access to "
              + where
              + " was denied: the credentials need the IAM action "
              + action
              + " on arn:"
              + partition(region)
              + ":dynamodb:"
              + region
              + ":<account>:table/"
              + target.table()
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
    return new DynamoDbConfigException("Cannot load " + where + ": " + e.getMessage(), e);
  }

  /** The ARN partition of {@code region}: {@code aws}, {@code aws-cn}, {@code aws-us-gov}, ... */
  static String partition(Region region) {
    RegionMetadata metadata = region.metadata();
    return metadata == null ? "aws" : metadata.partition().id();
  }

  /** The first I/O exception among the causes of {@code e}. */
  private static Optional<IOException> ioCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io) {
        return Optional.of(io);
      }
    }
    return Optional.empty();
  }

  /** Throws {@code failure}, or with {@code required=false} logs it once and returns empty. */
  static Snapshot failed(Settings settings, TableTarget target, DynamoDbConfigException failure) {
    if (settings.required().orElse(true)) {
      throw failure;
    }
    LOG.log(
        Level.WARNING,
        () ->
            failure.getMessage()
                + "; the source for "
                + target.describe()
                + " is empty because "
                + REQUIRED.key()
                + "=false");
    return Snapshot.EMPTY;
  }
}
