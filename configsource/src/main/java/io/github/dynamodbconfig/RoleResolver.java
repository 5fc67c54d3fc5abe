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

import static io.github.dynamodbconfig.InstanceMetadata.INSTANCE_ID_PATH;
import static io.github.dynamodbconfig.InstanceMetadata.TAGS_PATH;

import io.github.dynamodbconfig.Resolution.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * Finds the environment role of this EC2 instance, and with it the table: the role tag from
 * instance metadata (IMDSv2), else one {@code ec2:DescribeTags}, within the time budget and on a
 * worker thread of its own (docs/role-resolution.md).
 */
final class RoleResolver {

  /** The name of the thread that resolution runs on. */
  static final String THREAD_NAME = "dynamodb-config-role-resolution";

  /** The class whose presence tells that the optional {@code ec2} module is on the class path. */
  static final String EC2_CLIENT_CLASS = "software.amazon.awssdk.services.ec2.Ec2Client";

  private static final DaemonThreads THREADS = DaemonThreads.named(THREAD_NAME);

  private final Settings settings;
  private final InstanceMetadata metadata;
  private final Optional<TagApi> describeTags;
  private final Supplier<Optional<Region>> configuredRegion;
  private final ResolutionSteps steps;
  private volatile Deadline deadline; // moved on by instance metadata's first answer

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
    this.metadata = new InstanceMetadata(metadata, this::onEc2);
    this.describeTags = describeTags;
    this.configuredRegion = configuredRegion;
    this.steps = new ResolutionSteps(RoleMessages.tagStep(settings.roleTag()));
  }

  /**
   * Resolves with the SDK's own instance metadata settings ({@code AWS_EC2_METADATA_DISABLED},
   * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, {@code AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE} and
   * their system properties and profile keys). Makes no request when metadata is disabled.
   */
  static Resolution onEc2(Settings settings) {
    if (metadataDisabled()) {
      return Resolution.none(
          Outcome.NOT_ON_EC2, List.of(RoleMessages.METADATA_DISABLED), Optional.empty());
    }
    Ec2MetadataClient client = AwsClients.instanceMetadata(settings.metadataTimeout()).build();
    return new RoleResolver(settings, client, describeTagsIfAvailable(), () -> sdkRegion(settings))
        .resolve();
  }

  private static boolean metadataDisabled() {
    return SdkSystemSetting.AWS_EC2_METADATA_DISABLED
        .getStringValue()
        .map(value -> value.trim().equalsIgnoreCase("true"))
        .orElse(false);
  }

  /** {@code ec2:DescribeTags} when the {@code ec2} module is on the class path. */
  static Optional<TagApi> describeTagsIfAvailable() {
    if (!AwsClients.hasModule(EC2_CLIENT_CLASS)) {
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
   * Runs the resolution on a daemon thread and waits for it, until the deadline: the metadata
   * timeout until instance metadata first answers, then the load's timeout from that moment.
   */
  Resolution resolve() {
    deadline = Deadline.after(settings.metadataTimeout());
    FutureTask<Resolution> task = new FutureTask<>(() -> resolveNow(steps));
    THREADS.start(task);
    try {
      while (true) {
        long left = deadline.nanosLeft();
        if (left <= 0) {
          task.cancel(true);
          return outOfTime(steps);
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
      throw RoleMessages.INTERRUPTED.exception(e, settings.roleTag());
    } catch (ExecutionException e) {
      throw ExceptionCauses.rethrow(e, RuntimeException.class);
    }
  }

  private Resolution outOfTime(ResolutionSteps steps) {
    boolean onEc2 = metadata.answered();
    steps.tried(RoleMessages.noAnswer(steps.current(), onEc2, settings));
    return steps.none(onEc2 ? Outcome.UNREADABLE : Outcome.NOT_ON_EC2);
  }

  /** Instance metadata answered: the rest of the resolution gets the load's time budget. */
  private void onEc2() {
    deadline = Deadline.after(settings.timeout());
  }

  /** Resolution's steps in order, each noted in {@code steps}; what the last one found. */
  private Resolution resolveNow(ResolutionSteps steps) {
    try (metadata) {
      String tag = settings.roleTag();
      Optional<String> notInMetadata = InstanceMetadata.notInMetadata(tag);
      if (notInMetadata.isPresent()) {
        steps.tried(RoleMessages.tagNotAsked(notInMetadata.get()));
      } else {
        Optional<Resolution> fromMetadata = fromMetadataTags(tag, steps);
        if (fromMetadata.isPresent()) {
          return fromMetadata.get();
        }
      }
      readInstanceId(steps);
      return fromDescribeTags(tag, notInMetadata.isEmpty(), steps);
    } catch (InstanceMetadata.Unusable e) {
      steps.tried(e.getMessage());
      return steps.none(e.outcome());
    } catch (TimeoutException e) {
      return outOfTime(steps);
    }
  }

  /**
   * The resolution from the tag in instance metadata, or empty when the instance does not expose
   * its tags there (then {@code ec2:DescribeTags} is next).
   */
  private Optional<Resolution> fromMetadataTags(String tag, ResolutionSteps steps)
      throws InstanceMetadata.Unusable {
    String step = steps.begin(RoleMessages.tagStep(tag));
    Optional<String> role = metadata.get(TAGS_PATH + "/" + tag, step);
    if (role.isPresent()) {
      Optional<Region> region = configuredRegion.get().or(() -> identityRegion(steps));
      return Optional.of(found(role.get(), "instance metadata", region, steps));
    }
    boolean tagsExposed = metadata.get(TAGS_PATH, step).isPresent();
    steps.tried(RoleMessages.tagMissing(tag, tagsExposed));
    if (!tagsExposed) {
      return Optional.empty();
    }
    readInstanceId(steps);
    return Optional.of(steps.none(Outcome.NO_TAG));
  }

  private void readInstanceId(ResolutionSteps steps) throws InstanceMetadata.Unusable {
    String step = steps.begin(RoleMessages.metadataStep(INSTANCE_ID_PATH));
    steps.instanceId(metadata.get(INSTANCE_ID_PATH, step).orElse(null));
  }

  /** {@code tagFitsMetadata}: the tag key could be read from instance metadata tags. */
  private Resolution fromDescribeTags(String tag, boolean tagFitsMetadata, ResolutionSteps steps)
      throws TimeoutException {
    String instanceId = steps.instanceId().orElse(null);
    String orTagsInMetadata = RoleMessages.orTagsInMetadata(tagFitsMetadata, instanceId);
    if (describeTags.isEmpty()) {
      steps.tried(RoleMessages.noEc2Module(orTagsInMetadata));
      return steps.none(Outcome.UNREADABLE);
    }
    Optional<Region> instanceRegion = identityRegion(steps);
    if (instanceId == null || instanceRegion.isEmpty()) {
      steps.tried(RoleMessages.NO_IDENTITY);
      return steps.none(Outcome.UNREADABLE);
    }
    Region region = instanceRegion.get();
    String step = steps.begin(RoleMessages.describeTagsStep(instanceId, region));
    Optional<String> described;
    try {
      described =
          describeTags.get().describeTag(instanceId, tag, region, deadline.remaining(() -> step));
    } catch (SdkException e) {
      steps.tried(RoleMessages.describeTagsFailure(step, e, orTagsInMetadata));
      return steps.none(Outcome.UNREADABLE);
    }
    if (described.isEmpty()) {
      steps.tried(RoleMessages.describeTagsNoTag(instanceId, tag));
      return steps.none(Outcome.NO_TAG);
    }
    return found(
        described.get(),
        "ec2:DescribeTags on instance " + instanceId,
        configuredRegion.get().or(() -> instanceRegion),
        steps);
  }

  private Resolution found(
      String role, String via, Optional<Region> tableRegion, ResolutionSteps steps) {
    String tag = settings.roleTag();
    if (role.isBlank()) {
      steps.tried(RoleMessages.emptyTag(via, tag));
      return steps.none(Outcome.EMPTY_TAG);
    }
    String table;
    try {
      table = settings.tableForRole(role);
    } catch (DynamoDbConfigException e) {
      // A role is known, so its table is required unless the settings say otherwise.
      if (settings.required(true)) {
        throw e;
      }
      steps.tried(RoleMessages.invalidRole(via, e));
      return steps.none(Outcome.INVALID_ROLE);
    }
    return steps.found(
        new TableTarget(
            table, Optional.of(role), RoleMessages.provenance(role, tag, via), tableRegion));
  }

  /** The region of the instance identity document, if it has one. */
  private Optional<Region> identityRegion(ResolutionSteps steps) {
    steps.begin(RoleMessages.metadataStep(InstanceMetadata.IDENTITY_DOCUMENT_PATH));
    return metadata.identityRegion();
  }
}
