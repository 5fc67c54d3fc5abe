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

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.imds.Ec2MetadataRetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every AWS SDK client the library uses, built in one place, and the retry strategy of their
 * requests. Each client has the URL-connection HTTP client set explicitly, so that another HTTP
 * client on the class path cannot change it; the client owns that HTTP client and closes it.
 */
final class AwsClients {

  /** At most this many attempts of one DynamoDB request, all inside the load's time budget. */
  static final int MAX_ATTEMPTS = 10;

  /**
   * The SDK's standard retry conditions (throttling, 5xx, I/O errors such as a connection reset),
   * plus a response whose CRC32 does not match (a body cut short, which the SDK does not retry by
   * itself), with {@link #MAX_ATTEMPTS}, {@link Backoff} (throttling: 100 ms to 2 s), and no retry
   * quota: a one-off load should use its whole time budget, which bounds every request.
   */
  static final RetryStrategy RETRIES =
      AwsRetryStrategy.standardRetryStrategy().toBuilder()
          .maxAttempts(MAX_ATTEMPTS)
          .retryOnExceptionOrCauseInstanceOf(Crc32MismatchException.class)
          .backoffStrategy(Backoff.STRATEGY)
          .throttlingBackoffStrategy(
              BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
          .circuitBreakerEnabled(false)
          .build();

  private AwsClients() {}

  /**
   * Whether the optional AWS SDK module whose client is {@code clientClass} is on the class path,
   * looked up without loading it: before a class that names the module's types is loaded.
   */
  static boolean hasModule(String clientClass) {
    try {
      Class.forName(clientClass, false, AwsClients.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * A DynamoDB client: the region of the settings, else {@code instanceRegion} (found by role
   * resolution), else the SDK's default chain; the endpoint of the settings; the SDK's default
   * credentials chain; {@link #RETRIES}. Each request sets its own timeout from the load's budget,
   * run by the {@link RequestTimer}.
   *
   * @throws DynamoDbConfigException naming {@code purpose} and what to set, when the SDK cannot
   *     build the client
   */
  static DynamoDbClient dynamoDb(
      Settings settings, Optional<Region> instanceRegion, String purpose) {
    try {
      var builder =
          DynamoDbClient.builder()
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .overrideConfiguration(
                  o -> o.retryStrategy(RETRIES).scheduledExecutorService(RequestTimer.shared()));
      settings.region().map(Region::of).or(() -> instanceRegion).ifPresent(builder::region);
      settings.endpoint().ifPresent(builder::endpointOverride);
      return builder.build();
    } catch (SdkException e) {
      throw FailureMessages.NO_CLIENT.exception(
          e, "DynamoDB", purpose, e.getMessage(), REGION.key());
    }
  }

  /**
   * An instance metadata client for one role resolution: connect and read timeouts of {@code
   * timeout}, never through an HTTP proxy (the service is link-local), no retries (the budget is
   * short and the service local), and a token that lives a minute or as long as the budget. The
   * SDK's own settings choose the endpoint ({@code AWS_EC2_METADATA_SERVICE_ENDPOINT} and its
   * system property and profile key) unless the caller sets one.
   */
  static Ec2MetadataClient.Builder instanceMetadata(Duration timeout) {
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

  /**
   * A KMS client in {@code region}, at {@code endpoint} when given, with {@link #RETRIES}, its
   * request timeouts run by the {@link RequestTimer}; a failure to build it names {@code purpose}.
   * In a class of its own: the {@code kms} module is optional, and only this class and {@link
   * KmsDataKeys} name its types.
   */
  static final class Kms {

    private Kms() {}

    static software.amazon.awssdk.services.kms.KmsClient client(
        Region region, Optional<URI> endpoint, String purpose) {
      return withLibraryDefaults(
          software.amazon.awssdk.services.kms.KmsClient.builder(),
          region,
          endpoint,
          "KMS",
          purpose);
    }
  }

  /**
   * A Secrets Manager client in {@code region}, at {@code endpoint} when given, with {@link
   * #RETRIES}, its request timeouts run by the {@link RequestTimer}. In a class of its own: the
   * {@code secretsmanager} module is optional, and only this class and {@link SecretsManagerReads}
   * name its types.
   */
  static final class SecretsManager {

    private SecretsManager() {}

    static software.amazon.awssdk.services.secretsmanager.SecretsManagerClient client(
        Region region, Optional<URI> endpoint, String purpose) {
      return withLibraryDefaults(
          software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder(),
          region,
          endpoint,
          "Secrets Manager",
          purpose);
    }
  }

  /**
   * The client of {@code builder} with the library's HTTP client, {@link #RETRIES} and {@link
   * RequestTimer}, in {@code region}, at {@code endpoint} when given.
   *
   * @throws DynamoDbConfigException naming {@code service}, {@code purpose} and what to set, when
   *     the SDK cannot build the client
   */
  private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C>
      C withLibraryDefaults(
          B builder, Region region, Optional<URI> endpoint, String service, String purpose) {
    try {
      builder
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .overrideConfiguration(
              o -> o.retryStrategy(RETRIES).scheduledExecutorService(RequestTimer.shared()))
          .region(region);
      endpoint.ifPresent(builder::endpointOverride);
      return builder.build();
    } catch (SdkException e) {
      throw FailureMessages.NO_CLIENT.exception(e, service, purpose, e.getMessage(), REGION.key());
    }
  }

  /**
   * An EC2 client in {@code region}, at {@code endpoint} when given, its request timeouts run by
   * the {@link RequestTimer}. In a class of its own: the {@code ec2} module is optional, and only
   * this class and {@link Ec2TagApi} name its types.
   */
  static final class Ec2 {

    private Ec2() {}

    static software.amazon.awssdk.services.ec2.Ec2Client client(
        Region region, Optional<URI> endpoint) {
      var builder =
          software.amazon.awssdk.services.ec2.Ec2Client.builder()
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .overrideConfiguration(o -> o.scheduledExecutorService(RequestTimer.shared()))
              .region(region);
      endpoint.ifPresent(builder::endpointOverride);
      return builder.build();
    }
  }
}
