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

import io.github.dynamodbconfig.Settings.InvalidItemPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items to properties and back, with the item layout and secret rules of the settings. */
class ItemConverterTest {

  private final ItemConverter converter =
      new ItemConverter(
          new ItemLayout("Name", "Setting", "Hidden"),
          SecretMatcher.of(List.of("*pass*")),
          InvalidItemPolicy.FAIL);

  @Test
  void toItem_writesTheLayoutsAttributes_andTheSecretFlagOnlyWhenSecret() {
    assertThat(converter.toItem("db_port", AttributeValue.fromS("5432"), false))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Name", AttributeValue.fromS("db_port"), "Setting", AttributeValue.fromS("5432")));
    assertThat(converter.toItem("api", AttributeValue.fromS("k-1"), true))
        .containsEntry("Hidden", AttributeValue.fromBool(true));
  }

  @Test
  void itemsMadeByToItem_readBackAsTheSameProperties_andSecrets() {
    var items =
        List.of(
            converter.toItem("db_port", AttributeValue.fromN("5432"), false),
            converter.toItem("api", AttributeValue.fromS("k-1"), true),
            converter.toItem("db_pass", AttributeValue.fromS("p-1"), false),
            converter.toItem(
                "pool", AttributeValue.fromM(Map.of("min", AttributeValue.fromN("2"))), false));

    var converted = converter.toSnapshot("app-config", items);

    assertThat(converted.skipped()).isEmpty();
    assertThat(converted.snapshot().properties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("db_port", "5432", "api", "k-1", "db_pass", "p-1", "pool.min", "2"));
    // api by its flag, db_pass by the *pass* pattern
    assertThat(converted.snapshot().secrets()).containsExactlyInAnyOrder("api", "db_pass");
  }

  @Test
  void attributesBesideTheLayouts_areIgnored() {
    var item =
        Map.of(
            "Name", AttributeValue.fromS("db_host"),
            "Setting", AttributeValue.fromS("db.test.internal"),
            "Description", AttributeValue.fromS("the primary database"),
            "UpdatedBy", AttributeValue.fromS("ops"));

    var converted = converter.toSnapshot("app-config", List.of(item));

    assertThat(converted.skipped()).isEmpty();
    assertThat(converted.snapshot().properties())
        .containsExactlyEntriesOf(Map.of("db_host", "db.test.internal"));
  }

  @Test
  void theSameItemsInAnotherOrder_giveTheSameSnapshot_andTheSameSkippedMessages() {
    var skipping =
        new ItemConverter(
            new ItemLayout("Name", "Setting", "Hidden"),
            SecretMatcher.of(List.of("*pass*")),
            InvalidItemPolicy.SKIP);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      items.add(skipping.toItem("key_" + i, AttributeValue.fromS("v" + i), i % 7 == 0));
    }
    // pool.min twice (a map item and a flat item), an item without a value, a blank key
    items.add(
        skipping.toItem(
            "pool", AttributeValue.fromM(Map.of("min", AttributeValue.fromN("2"))), false));
    items.add(skipping.toItem("pool.min", AttributeValue.fromN("3"), false));
    items.add(Map.of("Name", AttributeValue.fromS("no_value")));
    items.add(skipping.toItem(" ", AttributeValue.fromS("x"), false));
    items.add(skipping.toItem("db_pass", AttributeValue.fromS("p-1"), false));

    var inOrder = skipping.toSnapshot("app-config", items);
    List<Map<String, AttributeValue>> shuffled = new ArrayList<>(items);
    for (long seed = 1; seed <= 20; seed++) {
      Collections.shuffle(shuffled, new Random(seed));
      var again = skipping.toSnapshot("app-config", shuffled);

      assertThat(again.snapshot().properties()).isEqualTo(inOrder.snapshot().properties());
      assertThat(again.snapshot().secrets()).isEqualTo(inOrder.snapshot().secrets());
      assertThat(again.skipped()).containsExactlyElementsOf(inOrder.skipped());
    }
    assertThat(inOrder.skipped()).hasSize(3);
    assertThat(inOrder.snapshot().properties()).hasSize(42).containsEntry("pool.min", "2");
    assertThat(inOrder.snapshot().secrets()).contains("key_0", "key_35", "db_pass");
  }
}
