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
import static io.github.dynamodbconfig.DynamoDbConfigSetting.ROLE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.TABLE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.TIMEOUT;

import io.github.dynamodbconfig.Resolution.Outcome;
import java.io.IOException;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/**
 * Every message of role resolution: the steps it tried, as the no-table lines of {@link
 * SourceMessages} list them, and the reason those lines give. Tag values are escaped wherever they
 * are quoted.
 */
final class RoleMessages {

  static final LibraryMessage INTERRUPTED =
      new LibraryMessage(
          201, Level.ERROR, "Interrupted while finding the environment role from EC2 tag '{tag}'");

  static final String METADATA_DISABLED =
      "instance metadata: not asked, AWS_EC2_METADATA_DISABLED (aws.disableEc2Metadata) is true";

  static final String NO_IDENTITY = "instance metadata: no instance id or identity document region";

  static final String ENABLE_METADATA_TAGS =
      "aws ec2 modify-instance-metadata-options --instance-id %s --instance-metadata-tags enabled";

  private RoleMessages() {}

  /** The step of reading the role tag from instance metadata. */
  static String tagStep(String tag) {
    return "instance metadata tag " + tag;
  }

  /** The step of reading {@code path} from instance metadata. */
  static String metadataStep(String path) {
    return "instance metadata " + path;
  }

  /** The step of calling {@code ec2:DescribeTags}. */
  static String describeTagsStep(String instanceId, Region region) {
    return "ec2:DescribeTags on instance " + instanceId + " in region " + region;
  }

  /** Where a found role came from, as the load's INFO line says it. */
  static String provenance(String role, String tag, String via) {
    return "role '" + role + "' from EC2 tag " + tag + " via " + via;
  }

  static String tagNotAsked(String why) {
    return "instance metadata: not asked for the tag, " + why;
  }

  static String tagMissing(String tag, boolean tagsExposed) {
    return "instance metadata: "
        + (tagsExposed
            ? "the instance has no tag '" + tag + "'"
            : "tags are not exposed in instance metadata");
  }

  static String noEc2Module(String orTagsInMetadata) {
    return "ec2:DescribeTags: not available, the module software.amazon.awssdk:ec2 is not on the"
        + " class path; add it"
        + orTagsInMetadata;
  }

  /** The other way to the role, when the tag key can appear in instance metadata. */
  static String orTagsInMetadata(boolean tagFitsMetadata, String instanceId) {
    return tagFitsMetadata
        ? ", or enable tags in instance metadata: " + ENABLE_METADATA_TAGS.formatted(instanceId)
        : "";
  }

  static String describeTagsNoTag(String instanceId, String tag) {
    return "ec2:DescribeTags on instance " + instanceId + ": no tag '" + tag + "'";
  }

  static String describeTagsFailure(String step, SdkException e, String orTagsInMetadata) {
    if (e instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && service.statusCode() == 403) {
      return step
          + " was denied ("
          + service.awsErrorDetails().errorCode()
          + "): grant the instance's IAM role the action ec2:DescribeTags"
          + orTagsInMetadata;
    }
    return step + " failed: " + e.getMessage();
  }

  static String emptyTag(String via, String tag) {
    return via + ": the tag '" + tag + "' has an empty value";
  }

  static String invalidRole(String via, DynamoDbConfigException e) {
    return via + ": " + e.detail();
  }

  static String noAnswer(String step, boolean answered, Settings settings) {
    return step
        + ": no answer within "
        + (answered
            ? TIMEOUT.key() + "=" + settings.timeout()
            : METADATA_TIMEOUT.key()
                + "="
                + settings.metadataTimeout()
                + " (not on EC2, or instance metadata is blocked)");
  }

  /** Instance metadata answered {@code status} for {@code step}, or for its token request. */
  static String refused(String step, int status, boolean tokenRequest) {
    if (!tokenRequest) {
      return status == 401
          ? step + ": the IMDSv2 token was refused (401: expired or invalid)"
          : step + ": instance metadata answered " + status;
    }
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

  static String errorAnswer(String step, Exception e) {
    return step + ": answered with an error (" + e.getMessage() + ")";
  }

  static String unreachable(String step, Exception e, boolean onEc2) {
    return step
        + ": unreachable ("
        + ExceptionCauses.describe(ExceptionCauses.rootOr(e, IOException.class))
        + ")"
        + (onEc2 ? "" : ", not on EC2");
  }

  static String failed(String step, Exception e) {
    return step + ": failed (" + ExceptionCauses.describe(e) + ")";
  }

  /** Why the source has no table, and how to give it one. */
  static String noTable(Settings settings, Resolution resolution) {
    String tag = settings.roleTag();
    return "No DynamoDB config table: neither "
        + TABLE.key()
        + " nor "
        + ROLE.key()
        + " is set, and "
        + (resolution.outcome() == Outcome.INVALID_ROLE
            ? "the role of EC2 tag '" + tag + "' makes no valid table name"
            : "the EC2 tag '" + tag + "' " + tagState(resolution.outcome()))
        + resolution.instanceId().map(id -> " on instance " + id).orElse("")
        + " (tried: "
        + String.join("; ", resolution.tried())
        + "). Set "
        + ROLE.key()
        + " or "
        + TABLE.key()
        + " as a system property, an environment variable (DYNAMODB_CONFIG_ROLE,"
        + " DYNAMODB_CONFIG_TABLE) or in META-INF/microprofile-config.properties, or "
        + (resolution.outcome() == Outcome.INVALID_ROLE
            ? "give the tag a role that makes a valid table name with "
                + DynamoDbConfigSetting.TABLE_TEMPLATE.key()
                + "="
                + settings.tableTemplate()
            : "tag the EC2 instance " + tag + "=<role>");
  }

  private static String tagState(Outcome outcome) {
    return switch (outcome) {
      case EMPTY_TAG -> "has an empty value";
      case UNREADABLE -> "could not be read";
      default -> "was not found";
    };
  }
}
