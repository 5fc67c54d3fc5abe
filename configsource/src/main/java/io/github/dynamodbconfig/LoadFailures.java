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
import static io.github.dynamodbconfig.DynamoDbConfigSetting.TIMEOUT;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * What a failed request on a table means, as pure functions: an exception of the SDK (or of the
 * time budget) in, one {@link DynamoDbConfigException} out, naming role, table, region and what to
 * do ({@link FailureMessages}). Exception types decide; the one case where the SDK gives no type of
 * its own is pinned by a test.
 */
final class LoadFailures {

  /**
   * How the AWS SDK's default credentials chain starts its message when it finds no credentials: it
   * throws a plain {@link SdkClientException}, so this text is the only signal (pinned against the
   * SDK in use by a test).
   */
  static final String SDK_NO_CREDENTIALS = "Unable to load credentials";

  private LoadFailures() {}

  /** The failure of loading {@code target} in {@code region}. */
  static DynamoDbConfigException of(
      Settings settings, TableTarget target, Region region, Exception e) {
    return of(settings, target, region, TableAction.load(settings), e);
  }

  /** The failure of {@code action} on {@code target} in {@code region}. */
  static DynamoDbConfigException of(
      Settings settings, TableTarget target, Region region, TableAction action, Exception e) {
    String where = "DynamoDB " + target.describe() + " in region " + region;
    if (e instanceof CancellationException) {
      return FailureMessages.INTERRUPTED.exception(e, action.gerund(), where);
    }
    if (e instanceof TimeoutException || e instanceof ApiCallTimeoutException) {
      return FailureMessages.TIMED_OUT.exception(
          e, action.gerund(), where, TIMEOUT.key(), settings.timeout(), e.getMessage());
    }
    if (e instanceof SdkClientException && noCredentials(e)) {
      return FailureMessages.NO_CREDENTIALS.exception(e, action.access(), where);
    }
    Optional<IOException> io = ExceptionCauses.find(e, IOException.class);
    if (io.isPresent()
        && (io.get() instanceof UnknownHostException || io.get() instanceof ConnectException)) {
      return cannotConnect(settings, target, region, io.get(), e);
    }
    if (e instanceof ResourceNotFoundException) {
      return FailureMessages.NOT_FOUND.exception(e, where, e.getMessage());
    }
    if (e instanceof AwsServiceException service && isAccessDenied(service)) {
      return FailureMessages.ACCESS_DENIED.exception(
          e, where, action.iamAction(), partition(region), region, target.table(), e.getMessage());
    }
    return FailureMessages.FAILED.exception(e, action.verb(), where, e.getMessage());
  }

  /** A failure of reaching DynamoDB rather than of the table or the credentials' rights. */
  static boolean unreachable(Throwable cause) {
    if (cause instanceof TimeoutException || cause instanceof ApiCallTimeoutException) {
      return true;
    }
    if (cause instanceof AwsServiceException service) {
      return service.statusCode() >= 500 || service.isThrottlingException();
    }
    return cause instanceof SdkClientException
        && ExceptionCauses.find(cause, IOException.class).isPresent();
  }

  /** The ARN partition of {@code region}: {@code aws}, {@code aws-cn}, {@code aws-us-gov}, ... */
  static String partition(Region region) {
    RegionMetadata metadata = region.metadata();
    return metadata == null ? "aws" : metadata.partition().id();
  }

  private static boolean noCredentials(Exception e) {
    return String.valueOf(e.getMessage()).startsWith(SDK_NO_CREDENTIALS);
  }

  /** Whether {@code service} says that the credentials may not do what was asked. */
  static boolean isAccessDenied(AwsServiceException service) {
    return service.awsErrorDetails() != null
        && "AccessDeniedException".equals(service.awsErrorDetails().errorCode());
  }

  private static DynamoDbConfigException cannotConnect(
      Settings settings, TableTarget target, Region region, IOException io, Exception e) {
    String endpoint =
        settings.endpoint().map(URI::toString).orElse("the DynamoDB endpoint of the region");
    boolean unknownRegion = settings.endpoint().isEmpty() && !Region.regions().contains(region);
    return FailureMessages.UNREACHABLE.exception(
        e,
        target.describe(),
        region,
        io instanceof UnknownHostException
            ? "unknown host " + io.getMessage()
            : endpoint + " refused the connection",
        unknownRegion
            ? "; '" + region + "' is not a region this AWS SDK knows: check " + REGION.key()
            : "",
        e.getMessage());
  }
}
