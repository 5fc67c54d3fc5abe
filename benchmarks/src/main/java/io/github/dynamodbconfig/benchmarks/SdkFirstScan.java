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
package io.github.dynamodbconfig.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A cold-start child: the raw AWS SDK baseline. It builds a {@code DynamoDbClient} as an
 * application would (URL-connection HTTP client, endpoint and region given, the SDK's default
 * credentials chain), scans the table ({@code -Dbench.table}) page by page, and takes the value of
 * item {@code db_host} from the items.
 *
 * <p>{@code -Dbench.sdk} lists start-up candidates to measure, comma-separated: {@code
 * static-credentials} (an explicit credentials provider instead of the default chain), {@code
 * account-id-disabled} (no account-based endpoint mode), {@code call-timeout} (a per-request
 * timeout, as the source sets from its time budget).
 *
 * <p>Prints {@code FIRST_VALUE <nanoseconds from main() to the value>}, then the details of {@link
 * Marker#details()}, and exits.
 */
public final class SdkFirstScan {

  private SdkFirstScan() {}

  /** Scans, prints the marker line, exits; status 1 when the item is missing. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    String value = scanForValue(List.of(System.getProperty("bench.sdk", "").split(",")));
    long elapsed = System.nanoTime() - start;
    if (value == null) {
      System.out.println("MISSING db_host");
      System.exit(1);
    }
    Marker.print(elapsed);
  }

  /** The value of item {@code db_host}, by a Scan with a client built with {@code candidates}. */
  static String scanForValue(List<String> candidates) {
    String value = null;
    var builder =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create(System.getProperty("bench.endpoint")))
            .region(Region.of(System.getProperty("bench.region")));
    if (candidates.contains("static-credentials")) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(
                  System.getProperty("aws.accessKeyId"),
                  System.getProperty("aws.secretAccessKey"))));
    }
    if (candidates.contains("account-id-disabled")) {
      builder.accountIdEndpointMode(AccountIdEndpointMode.DISABLED);
    }
    Duration timeout = candidates.contains("call-timeout") ? Duration.ofSeconds(10) : null;
    try (DynamoDbClient client = builder.build()) {
      Map<String, AttributeValue> startKey = null;
      do {
        ScanRequest.Builder request =
            ScanRequest.builder()
                .tableName(System.getProperty("bench.table"))
                .consistentRead(true)
                .exclusiveStartKey(startKey);
        if (timeout != null) {
          request.overrideConfiguration(o -> o.apiCallTimeout(timeout));
        }
        ScanResponse page = client.scan(request.build());
        for (Map<String, AttributeValue> item : page.items()) {
          if ("db_host".equals(item.get("Parameter").s())) {
            value = item.get("Value").s();
          }
        }
        startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      } while (startKey != null && !startKey.isEmpty());
    }
    return value;
  }
}
