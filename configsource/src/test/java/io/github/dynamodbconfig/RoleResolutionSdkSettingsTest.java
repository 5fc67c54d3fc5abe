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

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dynamodbconfig.testkit.BlackHole;
import io.github.dynamodbconfig.testkit.InstanceMetadataServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.SystemProperties;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Role resolution through the production wiring, with the AWS SDK's own instance metadata settings.
 */
class RoleResolutionSdkSettingsTest extends Ec2TestBase {

  RoleResolutionSdkSettingsTest(LocalDynamoDb engine) {
    super(engine);
  }

  @Test
  void explicitRoleOrTable_makesNoMetadataRequest() {
    imds.tag(TAG, "prod-other-website");
    try (SystemProperties properties = enableMetadataAt(imds.endpoint().toString())) {
      assertThat(Sources.create(LocalSettings.of(engine, "role", ROLE)).getName())
          .contains("role=" + ROLE);
      assertThat(
              Sources.create(LocalSettings.of(engine, "table", "test-myapp-website-config"))
                  .getValue("db_port"))
          .isEqualTo("5432");
    }
    assertThat(imds.requests()).isEmpty();
  }

  @Test
  void metadataDisabled_makesNoMetadataRequest() {
    imds.tag(TAG, ROLE);
    try (SystemProperties properties =
        enableMetadataAt(imds.endpoint().toString()).set("aws.disableEc2Metadata", "true")) {
      assertThat(Sources.create(LocalSettings.of(engine)).getProperties()).isEmpty();
    }
    assertThat(imds.requests()).isEmpty();
  }

  @Test
  void metadataEndpointSetting_ofTheSdk_isHonoured() {
    imds.tag(TAG, ROLE);
    try (SystemProperties properties = enableMetadataAt(imds.endpoint().toString())) {
      assertThat(Sources.create(LocalSettings.of(engine)).getValue("db_port")).isEqualTo("5432");
    }
    assertThat(imds.tokenRequests()).isEqualTo(1);
  }

  @Test
  void ipv6MetadataEndpoint_isHonoured() throws IOException {
    InetAddress ipv6Loopback = InetAddress.getByName("::1");
    assumeTrue(ipv6Loopback instanceof Inet6Address && canBind(ipv6Loopback), "no IPv6 loopback");
    try (InstanceMetadataServer v6 = InstanceMetadataServer.start(ipv6Loopback).tag(TAG, ROLE);
        SystemProperties properties = enableMetadataAt(v6.endpoint().toString())) {
      assertThat(v6.endpoint().toString()).startsWith("http://[0:0:0:0:0:0:0:1]:");
      assertThat(Sources.create(LocalSettings.of(engine)).getValue("db_port")).isEqualTo("5432");
      assertThat(v6.tokenRequests()).isEqualTo(1);
    }
  }

  @Test
  void blackHoleMetadataEndpoint_givesUpWithinTheMetadataTimeout() {
    try (BlackHole blackHole = BlackHole.open()) {
      String logged = givesUpWithin1200Ms(blackHole.endpoint().toString(), "black-hole endpoint");

      assertThat(blackHole.connections()).isEqualTo(1);
      assertThat(logged)
          .contains(
              "(tried: instance metadata tag Environment-role: no answer within"
                  + " dynamodb.config.metadata-timeout=PT1S (not on EC2, or instance metadata is"
                  + " blocked))");
    }
  }

  @Test
  void closedMetadataPort_givesUpAtOnce() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    String logged = givesUpWithin1200Ms("http://127.0.0.1:" + port, "closed port");

    assertThat(logged)
        .contains(
            "(tried: instance metadata tag Environment-role: unreachable (ConnectException:"
                + " Connection refused), not on EC2)");
  }

  /**
   * Builds a source with neither role nor table, instance metadata at {@code endpoint}; prints how
   * long resolution took, checks it gave up within 1.2 × the 1 s metadata timeout, and returns the
   * one line it logged.
   */
  private String givesUpWithin1200Ms(String endpoint, String what) {
    try (SystemProperties properties = enableMetadataAt(endpoint)) {
      long start = System.nanoTime();
      List<String> logged;
      try (LogCapture log = LogCapture.start()) {
        Sources.create(LocalSettings.of(engine));
        logged = log.infoAndAbove();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println(
          "metadata at a " + what + ", metadata-timeout 1 s: gave up after " + millis + " ms");

      assertThat(millis).isLessThan(1200);
      assertThat(logged).hasSize(1);
      return logged.get(0);
    }
  }

  private static boolean canBind(InetAddress address) {
    try (ServerSocket socket = new ServerSocket(0, 1, address)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
