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
import java.util.List;
import java.util.Map;
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
}
