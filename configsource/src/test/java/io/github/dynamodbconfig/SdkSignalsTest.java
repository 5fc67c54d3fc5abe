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

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.InstanceMetadataServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.imds.Ec2MetadataClientException;

/**
 * The two failures that the AWS SDK reports with no exception type of their own, only a message:
 * the library classifies them by how that message starts. These tests pin that text against the SDK
 * in use, so that an SDK upgrade that changes it fails here, loudly, rather than turning a clear
 * message into a vague one in production.
 */
class SdkSignalsTest {

  @Test
  void credentialsChainThatFindsNone_startsItsMessageAsLoadFailuresExpects() {
    AwsCredentialsProviderChain chain =
        AwsCredentialsProviderChain.builder()
            .credentialsProviders(ProfileCredentialsProvider.create("no-such-profile-here"))
            .build();

    assertThatThrownBy(chain::resolveCredentials)
        .isExactlyInstanceOf(SdkClientException.class)
        .hasMessageStartingWith(LoadFailures.SDK_NO_CREDENTIALS);
  }

  @Test
  void refusedTokenRequest_startsItsMessageAsInstanceMetadataExpects() {
    try (InstanceMetadataServer imds = InstanceMetadataServer.start().imdsV1Only();
        Ec2MetadataClient client =
            AwsClients.instanceMetadata(Duration.ofSeconds(2)).endpoint(imds.endpoint()).build()) {
      assertThatThrownBy(() -> client.get(InstanceMetadata.INSTANCE_ID_PATH))
          .isInstanceOf(Ec2MetadataClientException.class)
          .hasMessageStartingWith(InstanceMetadata.SDK_TOKEN_FAILURE);
    }
  }

  @Test
  void refusedPathRequest_doesNotStartItsMessageLikeATokenFailure() {
    try (InstanceMetadataServer imds = InstanceMetadataServer.start();
        Ec2MetadataClient client =
            AwsClients.instanceMetadata(Duration.ofSeconds(2)).endpoint(imds.endpoint()).build()) {
      assertThatThrownBy(() -> client.get("/latest/meta-data/no-such-path"))
          .isInstanceOf(Ec2MetadataClientException.class)
          .satisfies(
              e ->
                  org.assertj.core.api.Assertions.assertThat(e.getMessage())
                      .doesNotStartWith(InstanceMetadata.SDK_TOKEN_FAILURE));
    }
  }
}
