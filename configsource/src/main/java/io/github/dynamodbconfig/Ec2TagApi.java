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
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/**
 * {@code ec2:DescribeTags} through the SDK's EC2 client, filtered to one instance and one key: one
 * call, never a scan of all instances. Only this class and {@link AwsClients.Ec2} name the types of
 * the optional {@code ec2} module.
 */
final class Ec2TagApi implements TagApi {

  private final Optional<URI> endpoint;

  /** {@code endpoint}: the EC2 endpoint to use instead of the region's, for tests. */
  Ec2TagApi(Optional<URI> endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public Optional<String> describeTag(
      String instanceId, String key, Region region, Duration timeout) {
    try (Ec2Client ec2 = AwsClients.Ec2.client(region, endpoint)) {
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
