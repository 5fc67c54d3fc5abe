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

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/** One {@code ec2:DescribeTags} call: the value of tag {@code key} of instance {@code id}. */
@FunctionalInterface
interface TagApi {

  /**
   * The tag's value, or empty when the instance has no such tag.
   *
   * @throws software.amazon.awssdk.core.exception.SdkException when the call fails
   */
  Optional<String> describeTag(String instanceId, String key, Region region, Duration timeout);
}
