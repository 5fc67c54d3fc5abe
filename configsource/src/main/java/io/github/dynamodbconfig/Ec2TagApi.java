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

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/**
 * {@code ec2:DescribeTags} for one instance and one tag key: a single request, filtered by the
 * server, never a listing of instances. The only class that uses the optional {@code ec2} module;
 * it is loaded only when that module is on the class path.
 */
final class Ec2TagApi implements RoleResolver.TagApi {

  private final Optional<URI> endpoint;

  /** {@code endpoint}: the EC2 endpoint to use instead of the region's, for tests. */
  Ec2TagApi(Optional<URI> endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public Optional<String> describeTag(
      String instanceId, String key, Region region, Duration timeout) {
    var builder =
        Ec2Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(region);
    endpoint.ifPresent(builder::endpointOverride);
    try (Ec2Client ec2 = builder.build()) {
      return ec2
          .describeTags(
              request ->
                  request
                      .filters(
                          Filter.builder().name("resource-id").values(instanceId).build(),
                          Filter.builder().name("key").values(key).build())
                      .overrideConfiguration(o -> o.apiCallTimeout(timeout)))
          .tags()
          .stream()
          .filter(tag -> instanceId.equals(tag.resourceId()) && key.equals(tag.key()))
          .map(TagDescription::value)
          .findFirst();
    }
  }
}
