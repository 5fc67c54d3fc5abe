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

import static io.github.dynamodbconfig.DynamoDbConfigSetting.METADATA_TIMEOUT;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.TIMEOUT;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.imds.Ec2MetadataClientException;
import software.amazon.awssdk.imds.Ec2MetadataRetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * Finds the environment role on EC2 when the settings name neither table nor role (design 3.1): the
 * instance's role tag from instance metadata (IMDSv2 only: one token {@code PUT}, then {@code GET}s
 * with that token), else one {@code ec2:DescribeTags} call filtered to this instance and tag (at
 * once when the tag key is one that instance metadata cannot hold). The whole resolution gives up
 * within {@code dynamodb.config.metadata-timeout}, with no retries: off EC2 it costs at most that
 * budget, and nothing when instance metadata is disabled.
 */
final class RoleResolver {

  /** One {@code ec2:DescribeTags} call: the value of tag {@code key} of instance {@code id}. */
  @FunctionalInterface
  interface TagApi {
    Optional<String> describeTag(String instanceId, String key, Region region, Duration timeout);
  }

  /**
   * What resolution found: a table, or the steps it tried and whether the outcome needs the user's
   * attention (on EC2 but unable to read the tag, or the tag is empty) rather than being the
   * ordinary off-EC2 case; {@code emptyTag}: the tag was read and its value is empty.
   */
  record Resolution(
      Optional<TableTarget> target,
      List<String> tried,
      Optional<String> instanceId,
      boolean problem,
      boolean emptyTag) {

    Resolution {
      tried = List.copyOf(tried);
    }

    static Resolution of(TableTarget target, List<String> tried, Optional<String> instanceId) {
      return new Resolution(Optional.of(target), tried, instanceId, false, false);
    }

    static Resolution none(List<String> tried, Optional<String> instanceId, boolean problem) {
      return new Resolution(Optional.empty(), tried, instanceId, problem, false);
    }
  }

  static final String TAGS_PATH = "/latest/meta-data/tags/instance";
  static final String INSTANCE_ID_PATH = "/latest/meta-data/instance-id";
  static final String IDENTITY_DOCUMENT_PATH = "/latest/dynamic/instance-identity/document";

  /** The class whose presence tells that the optional {@code ec2} module is on the class path. */
  static final String EC2_CLIENT_CLASS = "software.amazon.awssdk.services.ec2.Ec2Client";

  static final String ENABLE_METADATA_TAGS =
      "aws ec2 modify-instance-metadata-options --instance-id %s --instance-metadata-tags enabled";

  private final Settings settings;
  private final Ec2MetadataClient metadata;
  private final Optional<TagApi> describeTags;
  private final Supplier<Optional<Region>> configuredRegion;
  private final List<String> tried = new CopyOnWriteArrayList<>();
  private volatile String step = "instance metadata";
  private volatile String instanceId;
  private volatile boolean answered;
  private volatile long deadline;

  /**
   * A resolver that uses {@code metadata} and closes it when done; {@code describeTags} is empty
   * when the {@code ec2} module is not on the class path; {@code configuredRegion} is the region
   * configured anywhere but instance metadata.
   */
  RoleResolver(
      Settings settings,
      Ec2MetadataClient metadata,
      Optional<TagApi> describeTags,
      Supplier<Optional<Region>> configuredRegion) {
    this.settings = settings;
    this.metadata = metadata;
    this.describeTags = describeTags;
    this.configuredRegion = configuredRegion;
  }

  /**
   * Resolves with the SDK's own instance metadata settings ({@code AWS_EC2_METADATA_DISABLED},
   * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, {@code AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE} and
   * their system properties and profile keys). Makes no request when metadata is disabled.
   */
  static Resolution resolve(Settings settings) {
    if (metadataDisabled()) {
      return Resolution.none(
          List.of(
              "instance metadata: not asked, AWS_EC2_METADATA_DISABLED (aws.disableEc2Metadata)"
                  + " is true"),
          Optional.empty(),
          false);
    }
    Ec2MetadataClient metadata = metadataClient(settings.metadataTimeout()).build();
    return new RoleResolver(settings, metadata, ec2TagApi(), () -> sdkRegion(settings)).resolve();
  }

  /**
   * An instance metadata client for one resolution, owning its HTTP client: the URL-connection HTTP
   * client with connect and read timeouts of {@code timeout}, never through an HTTP proxy (the
   * service is link-local), no retries (the budget is short and the service local), and a token
   * that lives a minute or as long as the budget.
   */
  static Ec2MetadataClient.Builder metadataClient(Duration timeout) {
    return Ec2MetadataClient.builder()
        .httpClient(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(timeout)
                .socketTimeout(timeout)
                .proxyConfiguration(
                    ProxyConfiguration.builder()
                        .useSystemPropertyValues(false)
                        .useEnvironmentVariablesValues(false)
                        .build()))
        .retryPolicy(Ec2MetadataRetryPolicy.none())
        .tokenTtl(Duration.ofSeconds(Math.min(21_600, Math.max(60, timeout.toSeconds() + 1))));
  }

  private static boolean metadataDisabled() {
    return SdkSystemSetting.AWS_EC2_METADATA_DISABLED
        .getStringValue()
        .map(value -> value.trim().equalsIgnoreCase("true"))
        .orElse(false);
  }

  /** {@code ec2:DescribeTags} when the {@code ec2} module is on the class path. */
  static Optional<TagApi> ec2TagApi() {
    try {
      Class.forName(EC2_CLIENT_CLASS, false, RoleResolver.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    return Optional.of(new Ec2TagApi(Optional.empty()));
  }

  /** The region of the settings, or of the SDK's settings other than instance metadata. */
  private static Optional<Region> sdkRegion(Settings settings) {
    if (settings.region().isPresent()) {
      return settings.region().map(Region::of);
    }
    try {
      return Optional.of(
          new AwsRegionProviderChain(
                  new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
              .getRegion());
    } catch (SdkClientException none) {
      return Optional.empty();
    }
  }

  /**
   * Runs the resolution on a daemon thread and waits for it: at most the metadata timeout until
   * instance metadata first answers (off EC2 nothing does), then at most {@code
   * dynamodb.config.timeout} more for the rest (on EC2, where the EC2 client's first use may take
   * longer than a metadata answer).
   */
  Resolution resolve() {
    Duration timeout = settings.metadataTimeout();
    deadline = System.nanoTime() + timeout.toNanos();
    FutureTask<Resolution> task = new FutureTask<>(this::resolveNow);
    Thread worker = new Thread(task, "dynamodb-config-role-resolution");
    worker.setDaemon(true);
    worker.start();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          task.cancel(true);
          tried.add(
              step
                  + ": no answer within "
                  + (answered
                      ? TIMEOUT.key() + "=" + settings.timeout()
                      : METADATA_TIMEOUT.key()
                          + "="
                          + timeout
                          + " (not on EC2, or instance metadata is blocked)"));
          return Resolution.none(tried, Optional.ofNullable(instanceId), answered);
        }
        try {
          return task.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // the deadline may have moved: instance metadata answered in the meantime
        }
      }
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new DynamoDbConfigException(
          "Interrupted while finding the environment role from EC2 tag '"
              + settings.roleTag()
              + "'",
          e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) e.getCause();
    }
  }

  private Resolution resolveNow() {
    try (metadata) {
      String tag = settings.roleTag();
      Optional<String> notInMetadata = notInMetadata(tag);
      if (notInMetadata.isPresent()) {
        tried.add("instance metadata: not asked for the tag, " + notInMetadata.get());
      } else {
        step = "instance metadata tag " + tag;
        Optional<String> role = get(TAGS_PATH + "/" + tag);
        if (role.isPresent()) {
          return found(
              role.get(), "instance metadata", configuredRegion.get().or(this::identityRegion));
        }
        boolean tagsExposed = get(TAGS_PATH).isPresent();
        tried.add(
            "instance metadata: "
                + (tagsExposed
                    ? "the instance has no tag '" + tag + "'"
                    : "tags are not exposed in instance metadata"));
        if (tagsExposed) {
          step = "instance metadata " + INSTANCE_ID_PATH;
          instanceId = get(INSTANCE_ID_PATH).orElse(null);
          return Resolution.none(tried, Optional.ofNullable(instanceId), false);
        }
      }
      step = "instance metadata " + INSTANCE_ID_PATH;
      instanceId = get(INSTANCE_ID_PATH).orElse(null);
      if (describeTags.isEmpty()) {
        tried.add(
            "ec2:DescribeTags: not available, the module software.amazon.awssdk:ec2 is not on the"
                + " class path; add it"
                + orTagsInMetadata());
        return Resolution.none(tried, Optional.ofNullable(instanceId), true);
      }
      Optional<Region> instanceRegion = identityRegion();
      if (instanceId == null || instanceRegion.isEmpty()) {
        tried.add("instance metadata: no instance id or identity document region");
        return Resolution.none(tried, Optional.ofNullable(instanceId), true);
      }
      Region region = instanceRegion.get();
      step = "ec2:DescribeTags on instance " + instanceId + " in region " + region;
      Optional<String> described;
      try {
        described = describeTags.get().describeTag(instanceId, tag, region, remaining());
      } catch (SdkException e) {
        tried.add(describeTagsFailure(region, e));
        return Resolution.none(tried, Optional.of(instanceId), true);
      }
      if (described.isPresent()) {
        return found(
            described.get(),
            "ec2:DescribeTags on instance " + instanceId,
            configuredRegion.get().or(() -> instanceRegion));
      }
      tried.add("ec2:DescribeTags on instance " + instanceId + ": no tag '" + tag + "'");
      return Resolution.none(tried, Optional.of(instanceId), false);
    } catch (MetadataUnusable e) {
      tried.add(e.getMessage());
      return Resolution.none(tried, Optional.ofNullable(instanceId), e.problem);
    }
  }

  private Resolution found(String role, String via, Optional<Region> tableRegion) {
    String tag = settings.roleTag();
    if (role.isBlank()) {
      tried.add(via + ": the tag '" + tag + "' has an empty value");
      return new Resolution(Optional.empty(), tried, Optional.ofNullable(instanceId), true, true);
    }
    String table;
    try {
      table = settings.tableForRole(role);
    } catch (DynamoDbConfigException e) {
      // A role is known, so its table is required unless the settings say otherwise.
      if (settings.required().orElse(true)) {
        throw e;
      }
      tried.add(via + ": " + e.getMessage());
      return Resolution.none(tried, Optional.ofNullable(instanceId), true);
    }
    return Resolution.of(
        new TableTarget(
            table,
            Optional.of(role),
            "role '" + role + "' from EC2 tag " + tag + " via " + via,
            tableRegion),
        tried,
        Optional.ofNullable(instanceId));
  }

  /** Instance metadata answered: the rest of the resolution gets the load's time budget. */
  private void onEc2() {
    if (!answered) {
      answered = true;
      deadline = System.nanoTime() + settings.timeout().toNanos();
    }
  }

  /** The value at {@code path}; empty when instance metadata answers 404. */
  private Optional<String> get(String path) {
    try {
      Optional<String> value = Optional.of(metadata.get(path).asString());
      onEc2();
      return value;
    } catch (Ec2MetadataClientException e) {
      if (e.statusCode() == 404 && !isTokenRequest(e)) {
        onEc2();
        return Optional.empty();
      }
      throw new MetadataUnusable(describeRefusal(e), true);
    } catch (SdkClientException e) {
      Optional<RetryableException> errorAnswer = errorAnswer(e);
      if (errorAnswer.isPresent()) {
        throw new MetadataUnusable(
            step + ": answered with an error (" + errorAnswer.get().getMessage() + ")", true);
      }
      throw new MetadataUnusable(describeUnreachable(e), answered || instanceId != null);
    } catch (RuntimeException e) {
      throw new MetadataUnusable(
          step
              + ": failed ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")",
          true);
    }
  }

  /**
   * Why instance metadata cannot hold the tag key {@code key}, or empty when it can: with tags in
   * instance metadata, a key has only the letters {@code a-z}, {@code A-Z}, the digits {@code 0-9}
   * and {@code + - = . , _ : @}, and is not {@code .}, {@code ..} or {@code _index} (EC2 User
   * Guide, "View tags for your EC2 instances using instance metadata"). Such a key is also safe as
   * a path segment.
   */
  static Optional<String> notInMetadata(String key) {
    String why = null;
    if (key.equals(".") || key.equals("..") || key.equals("_index")) {
      why = "it may not be '.', '..' or '_index'";
    }
    for (int i = 0; why == null && i < key.length(); i += Character.charCount(key.codePointAt(i))) {
      int c = key.codePointAt(i);
      if (c == ' ') {
        why = "a space";
      } else if (c == '/') {
        why = "a '/'";
      } else if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        why = "the character U+%04X".formatted(c);
      } else if (!(c < 128 && Character.isLetterOrDigit(c)) && "+-=.,_:@".indexOf(c) < 0) {
        why = "the character '" + Character.toString(c) + "'";
      }
    }
    return Optional.ofNullable(why)
        .map(w -> "the tag key '" + key + "' cannot appear in instance metadata (" + w + ")");
  }

  /** The other way to the role, tags in instance metadata, when the role tag can appear there. */
  private String orTagsInMetadata() {
    return notInMetadata(settings.roleTag()).isPresent()
        ? ""
        : ", or enable tags in instance metadata: " + ENABLE_METADATA_TAGS.formatted(instanceId);
  }

  private static boolean isTokenRequest(Ec2MetadataClientException e) {
    return String.valueOf(e.getMessage()).startsWith("Could not retrieve token");
  }

  private String describeRefusal(Ec2MetadataClientException e) {
    int status = e.statusCode();
    if (isTokenRequest(e)) {
      if (status == 404 || status == 405) {
        return "instance metadata: no IMDSv2 token route (PUT /latest/api/token answered "
            + status
            + "); this library reads instance metadata through IMDSv2 only, never IMDSv1";
      }
      if (status == 403) {
        return "instance metadata: the token request was refused (403): the instance metadata"
            + " endpoint may be turned off (--http-endpoint disabled)";
      }
      return "instance metadata: the token request answered " + status;
    }
    if (status == 401) {
      return step + ": the IMDSv2 token was refused (401: expired or invalid)";
    }
    return step + ": instance metadata answered " + status;
  }

  /**
   * The SDK's report of an HTTP error status (5xx) from instance metadata, if {@code e} is one: the
   * service is there, on EC2, but could not answer.
   */
  private static Optional<RetryableException> errorAnswer(SdkClientException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RetryableException retryable) {
        return Optional.of(retryable);
      }
    }
    return Optional.empty();
  }

  private String describeUnreachable(SdkClientException e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof IOException)) {
      cause = cause.getCause();
    }
    return step
        + ": unreachable ("
        + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
        + ")"
        + (answered || instanceId != null ? "" : ", not on EC2");
  }

  private String describeTagsFailure(Region region, SdkException e) {
    String where = "ec2:DescribeTags on instance " + instanceId + " in region " + region;
    if (e instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && service.statusCode() == 403) {
      return where
          + " was denied ("
          + service.awsErrorDetails().errorCode()
          + "): grant the instance's IAM role the action ec2:DescribeTags"
          + orTagsInMetadata();
    }
    return where + " failed: " + e.getMessage();
  }

  /** The region of the instance identity document, if it has one. */
  private Optional<Region> identityRegion() {
    step = "instance metadata " + IDENTITY_DOCUMENT_PATH;
    try {
      Document document = metadata.get(IDENTITY_DOCUMENT_PATH).asDocument();
      Document region = document.isMap() ? document.asMap().get("region") : null;
      return region != null && region.isString() && !region.asString().isBlank()
          ? Optional.of(Region.of(region.asString()))
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The time left, in whole milliseconds and at least one: the SDK truncates a timeout to
   * milliseconds and reads 0 ms as no timeout at all.
   */
  private Duration remaining() {
    return Duration.ofMillis(
        Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
  }

  /** Instance metadata cannot give an answer: unreachable, refused, or out of time. */
  private static final class MetadataUnusable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean problem;

    MetadataUnusable(String message, boolean problem) {
      super(message, null, false, false);
      this.problem = problem;
    }
  }
}
