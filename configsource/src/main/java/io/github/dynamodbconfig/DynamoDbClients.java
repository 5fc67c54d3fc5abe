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

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the DynamoDB client of a load from the settings. */
final class DynamoDbClients {

  private DynamoDbClients() {}

  /**
   * A client with the URL-connection HTTP client set explicitly (another HTTP client on the class
   * path cannot change it; the DynamoDB client owns and closes it), the region and endpoint of the
   * settings or else the SDK's default chains, the SDK's default credentials chain, and calls
   * bounded by the load's time budget.
   */
  static DynamoDbClient create(Settings settings) {
    var builder =
        DynamoDbClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder().apiCallTimeout(settings.timeout()).build());
    settings.region().map(Region::of).ifPresent(builder::region);
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
