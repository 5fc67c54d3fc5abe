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
package io.github.dynamodbconfig.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The local protocol servers follow the documented rules, checked with a plain HTTP client: the
 * role-resolution tests are only as good as these servers.
 */
class LocalProtocolServersTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), BodyHandlers.ofString());
  }

  @Test
  void imds_tokenNeedsTheTtlHeader_andGetsNeedAValidToken() throws Exception {
    try (InstanceMetadataServer imds =
        InstanceMetadataServer.start().tag("Environment-role", "r")) {
      URI token = imds.endpoint().resolve("/latest/api/token");
      URI tag = imds.endpoint().resolve("/latest/meta-data/tags/instance/Environment-role");

      assertThat(send(HttpRequest.newBuilder(token).PUT(BodyPublishers.noBody())).statusCode())
          .isEqualTo(400);
      HttpResponse<String> issued =
          send(
              HttpRequest.newBuilder(token)
                  .PUT(BodyPublishers.noBody())
                  .header("X-aws-ec2-metadata-token-ttl-seconds", "30"));
      assertThat(issued.statusCode()).isEqualTo(200);
      assertThat(issued.headers().firstValue("x-aws-ec2-metadata-token-ttl-seconds"))
          .hasValue("30");

      assertThat(send(HttpRequest.newBuilder(tag)).statusCode()).isEqualTo(401);
      assertThat(
              send(HttpRequest.newBuilder(tag).header("X-aws-ec2-metadata-token", "forged"))
                  .statusCode())
          .isEqualTo(401);
      HttpResponse<String> value =
          send(HttpRequest.newBuilder(tag).header("X-aws-ec2-metadata-token", issued.body()));
      assertThat(value.statusCode()).isEqualTo(200);
      assertThat(value.body()).isEqualTo("r");
    }
  }

  @Test
  void imds_refusesAnExpiredToken() throws Exception {
    TestClock clock = TestClock.at(Instant.parse("2026-11-25T00:00:00Z"));
    try (InstanceMetadataServer imds = InstanceMetadataServer.start().clock(clock)) {
      String token =
          send(HttpRequest.newBuilder(imds.endpoint().resolve("/latest/api/token"))
                  .PUT(BodyPublishers.noBody())
                  .header("X-aws-ec2-metadata-token-ttl-seconds", "1"))
              .body();
      HttpRequest.Builder instanceId =
          HttpRequest.newBuilder(imds.endpoint().resolve("/latest/meta-data/instance-id"))
              .header("X-aws-ec2-metadata-token", token);

      assertThat(send(instanceId).body()).isEqualTo(imds.instanceId());
      clock.advance(Duration.ofSeconds(1));
      assertThat(send(instanceId).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void imds_tagsPathIs404_whenTagsAreNotInMetadata() throws Exception {
    try (InstanceMetadataServer imds =
        InstanceMetadataServer.start().tag("Environment-role", "r").tagsInMetadata(false)) {
      String token =
          send(HttpRequest.newBuilder(imds.endpoint().resolve("/latest/api/token"))
                  .PUT(BodyPublishers.noBody())
                  .header("X-aws-ec2-metadata-token-ttl-seconds", "30"))
              .body();
      for (String path :
          new String[] {
            "/latest/meta-data/tags/instance", "/latest/meta-data/tags/instance/Environment-role"
          }) {
        assertThat(
                send(HttpRequest.newBuilder(imds.endpoint().resolve(path))
                        .header("X-aws-ec2-metadata-token", token))
                    .statusCode())
            .isEqualTo(404);
      }
    }
  }

  @Test
  void ec2_describeTags_appliesTheFilters_andDeniesWithTheDocumentedErrorXml() throws Exception {
    try (Ec2ApiServer ec2 =
        Ec2ApiServer.start()
            .tag("i-1", "Environment-role", "r1")
            .tag("i-2", "Environment-role", "r2")) {
      HttpRequest.Builder describe =
          HttpRequest.newBuilder(ec2.endpoint())
              .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
              .POST(
                  BodyPublishers.ofString(
                      "Action=DescribeTags&Version=2016-11-15&Filter.1.Name=resource-id"
                          + "&Filter.1.Value.1=i-2&Filter.2.Name=key"
                          + "&Filter.2.Value.1=Environment-role"));

      HttpResponse<String> found = send(describe);
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.body())
          .contains("<DescribeTagsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">")
          .contains("<resourceId>i-2</resourceId>")
          .contains("<value>r2</value>")
          .doesNotContain("i-1");

      ec2.denyDescribeTags();
      HttpResponse<String> denied = send(describe);
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.body())
          .contains("<Response><Errors><Error><Code>UnauthorizedOperation</Code>")
          .contains("<RequestID>");
    }
  }
}
