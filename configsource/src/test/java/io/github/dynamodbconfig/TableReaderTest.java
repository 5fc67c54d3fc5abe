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

import static io.github.dynamodbconfig.testkit.Items.item;
import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Request counts of loading, as the local DynamoDB engine answers them. */
@ExtendWith(LocalDynamoDbExtension.class)
class TableReaderTest {

  private final LocalDynamoDb engine;

  TableReaderTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  private static List<Map<String, AttributeValue>> items(int count, int valueLength) {
    String padding = "x".repeat(valueLength);
    return IntStream.range(0, count)
        .mapToObj(i -> item(String.format("key_%05d", i), s(i + "-" + padding)))
        .toList();
  }

  private void seed(String table, List<Map<String, AttributeValue>> items) {
    engine.createConfigTable(table);
    engine.putItems(table, items);
    RequestCounter.reset();
  }

  private DynamoDbConfigSource load(String table, String... more) {
    List<String> settings = new ArrayList<>(List.of("table", table));
    settings.addAll(List.of(more));
    return Sources.create(LocalSettings.of(engine, settings.toArray(String[]::new)));
  }

  @Test
  void typicalTable_of50Items_loadsInExactlyOneScanRequest() {
    seed("fifty-config", items(50, 20));

    var source = load("fifty-config");

    assertThat(source.getPropertyNames()).hasSize(50);
    assertThat(RequestCounter.count("Scan", "fifty-config")).isEqualTo(1);
    assertThat(RequestCounter.requests()).hasSize(1);
  }

  @Test
  void tableOver1Mb_loadsEveryItem_overSeveralScanPages() {
    seed("large-config", items(1_200, 1_000));

    var source = load("large-config");

    assertThat(source.getPropertyNames()).hasSize(1_200);
    assertThat(source.getValue("key_01199")).startsWith("1199-xxx").hasSize(1_005);
    assertThat(RequestCounter.count("Scan", "large-config")).isGreaterThanOrEqualTo(2);
    assertThat(RequestCounter.requests()).allMatch(r -> r.operation().equals("Scan"));
  }

  @Test
  void declared250Keys_loadInExactlyThreeBatchGetItemRequests() {
    seed("declared-config", items(300, 20));
    List<String> keys =
        IntStream.range(0, 250).mapToObj(i -> String.format("key_%05d", i)).toList();

    var source = load("declared-config", "keys", String.join(",", keys));

    assertThat(source.getPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(RequestCounter.count("BatchGetItem", "declared-config")).isEqualTo(3);
    assertThat(RequestCounter.requests()).hasSize(3);
  }

  @Test
  void declaredKeysNotInTheTable_areAbsent() {
    seed("partial-config", items(3, 5));

    var source = load("partial-config", "keys", "key_00000,key_00002,not_there");

    assertThat(source.getPropertyNames()).containsExactlyInAnyOrder("key_00000", "key_00002");
    assertThat(RequestCounter.count("BatchGetItem", "partial-config")).isEqualTo(1);
  }

  @Test
  void unprocessedKeys_areRequestedAgainUntilEveryItemIsIn() {
    // 60 items of ~350 KB: over the 16 MB that one BatchGetItem answer may carry, so the first
    // answer leaves keys unprocessed.
    seed("huge-config", items(60, 350_000));
    List<String> keys = IntStream.range(0, 60).mapToObj(i -> String.format("key_%05d", i)).toList();

    var source = load("huge-config", "keys", String.join(",", keys), "timeout", "PT60S");

    assertThat(source.getPropertyNames()).hasSize(60);
    assertThat(source.getValue("key_00059")).hasSize(350_003);
    assertThat(RequestCounter.count("BatchGetItem", "huge-config")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void underAMillisecondOfBudgetLeft_isATimeout_neverARequestWithoutTimeout() {
    // The SDK truncates a request's timeout to whole milliseconds, and 0 ms means none at all.
    seed("tiny-budget-config", items(5, 10));

    assertThatThrownBy(() -> load("tiny-budget-config", "timeout", "1ms"))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageContaining("did not finish within dynamodb.config.timeout=PT0.001S")
        .hasMessageContaining("(0 Scan pages read)");
    assertThat(RequestCounter.requests()).isEmpty();
  }

  @Test
  void backoff_growsExponentially_withFullJitter_cappedAtOneSecond() {
    // One policy for the SDK's retries and for unprocessed keys: 25 ms × 2^(attempt - 1), at most
    // 1 s, a random wait up to that.
    for (int i = 0; i < 200; i++) {
      assertThat(backoff(1)).isBetween(Duration.ZERO, Duration.ofMillis(25));
      assertThat(backoff(4)).isBetween(Duration.ZERO, Duration.ofMillis(200));
      assertThat(backoff(30)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }
    assertThat(IntStream.range(0, 200).mapToObj(i -> backoff(4)).distinct().count())
        .isGreaterThan(10);
  }

  private static Duration backoff(int attempt) {
    return Backoff.STRATEGY.computeDelay(attempt);
  }
}
