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
import static io.github.dynamodbconfig.testkit.Items.l;
import static io.github.dynamodbconfig.testkit.Items.m;
import static io.github.dynamodbconfig.testkit.Items.n;
import static io.github.dynamodbconfig.testkit.Items.nul;
import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items the source cannot turn into properties, stored in the local DynamoDB engine: each fails the
 * load by default, or is skipped with one WARN line, and each message names the item's key and the
 * table and never its value (every value here holds the marker {@code v4lue}). Values nested deeper
 * than 32 levels cannot be stored in DynamoDB at all; the converter's own limit is tested in {@code
 * AttributeValuesTest}.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class InvalidItemTest {

  private static final String TABLE = "bad-items-config";
  private static final String VALUE = "v4lue-x9";

  private final LocalDynamoDb engine;

  InvalidItemTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  private static Map<String, AttributeValue> attributes(Object... keyValues) {
    Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      item.put((String) keyValues[i], (AttributeValue) keyValues[i + 1]);
    }
    return item;
  }

  static Stream<Arguments> invalidItems() {
    return Stream.of(
        Arguments.of(
            "no Value attribute",
            List.of(attributes("Parameter", s("orphan"), "Val", s(VALUE))),
            List.of(),
            "Invalid item 'orphan' in table 'bad-items-config': it has no 'Value' attribute"),
        Arguments.of(
            "key attribute a number",
            List.of(attributes("Parameter", s("p1"), "Name", n("7"), "Value", s(VALUE))),
            List.of("key-attribute", "Name"),
            "Invalid item with Name number 7 in table 'bad-items-config': its 'Name' attribute is"
                + " of type N, not S"),
        Arguments.of(
            "key attribute missing",
            List.of(attributes("Parameter", s("p1"), "Value", s(VALUE))),
            List.of("key-attribute", "Name"),
            "Invalid item without a string 'Name' in table 'bad-items-config': it has no 'Name'"
                + " attribute"),
        Arguments.of(
            "key attribute a list",
            List.of(attributes("Parameter", s("p1"), "Name", l(s("a")), "Value", s(VALUE))),
            List.of("key-attribute", "Name"),
            "Invalid item without a string 'Name' in table 'bad-items-config': its 'Name'"
                + " attribute is of type L, not S"),
        Arguments.of(
            "blank key",
            List.of(item("  ", s(VALUE))),
            List.of(),
            "Invalid item '  ' in table 'bad-items-config': its 'Parameter' attribute is blank"),
        Arguments.of(
            "key with a space",
            List.of(item("db host", s(VALUE))),
            List.of(),
            "Invalid item 'db host' in table 'bad-items-config': its property name 'db host' has"
                + " whitespace or a control character, which a MicroProfile property name cannot"
                + " have"),
        Arguments.of(
            "key with a line break",
            List.of(item("db\nhost", s(VALUE))),
            List.of(),
            "Invalid item 'db\\u000ahost' in table 'bad-items-config': its property name"
                + " 'db\\u000ahost' has whitespace or a control character, which a MicroProfile"
                + " property name cannot have"),
        Arguments.of(
            "key with a tab",
            List.of(item("db\thost", s(VALUE))),
            List.of(),
            "Invalid item 'db\\u0009host' in table 'bad-items-config': its property name"
                + " 'db\\u0009host' has whitespace or a control character, which a MicroProfile"
                + " property name cannot have"),
        Arguments.of(
            "key with a property expression",
            List.of(item("db_${host}", s(VALUE))),
            List.of(),
            "Invalid item 'db_${host}' in table 'bad-items-config': its property name"
                + " 'db_${host}' contains '${', which MicroProfile Config reads as a property"
                + " expression"),
        Arguments.of(
            "map attribute name with a space",
            List.of(item("db", m(Map.of("host name", s(VALUE))))),
            List.of(),
            "Invalid item 'db' in table 'bad-items-config': its property name 'db.host name' has"
                + " whitespace or a control character, which a MicroProfile property name cannot"
                + " have"),
        Arguments.of(
            "map attribute name with a property expression",
            List.of(item("db", m(Map.of("${host}", s(VALUE))))),
            List.of(),
            "Invalid item 'db' in table 'bad-items-config': its property name 'db.${host}'"
                + " contains '${', which MicroProfile Config reads as a property expression"),
        Arguments.of(
            "empty string in a list",
            List.of(item("hosts", l(s("a"), s("")))),
            List.of(),
            "Invalid item 'hosts' in table 'bad-items-config': list at 'hosts' has an empty"
                + " string at index 1, which MicroProfile array syntax cannot express"),
        Arguments.of(
            "key with a line break, and an empty string in its list",
            List.of(item("db\nhosts", l(s("a"), s("")))),
            List.of(),
            "Invalid item 'db\\u000ahosts' in table 'bad-items-config': list at 'db\\u000ahosts'"
                + " has an empty string at index 1, which MicroProfile array syntax cannot"
                + " express"),
        Arguments.of(
            "NULL in a list of maps",
            List.of(item("replicas", l(m(Map.of("host", s(VALUE))), nul()))),
            List.of(),
            "Invalid item 'replicas' in table 'bad-items-config': list at 'replicas' has an empty"
                + " element at index 1 (NULL, an empty string, list, set or map), which indexed"
                + " properties cannot express"),
        Arguments.of(
            "collides with a flattened map",
            List.of(item("db", m(Map.of("host", s(VALUE)))), item("db.host", s(VALUE))),
            List.of(),
            "Invalid item 'db.host' in table 'bad-items-config': its property 'db.host' is also a"
                + " property of item 'db'"),
        Arguments.of(
            "collides with a list of maps",
            List.of(item("a", l(m(Map.of("b", s(VALUE))))), item("a[0].b", s(VALUE))),
            List.of(),
            "Invalid item 'a[0].b' in table 'bad-items-config': its property 'a[0].b' is also a"
                + " property of item 'a'"),
        Arguments.of(
            "Secret flag not a boolean",
            List.of(attributes("Parameter", s("api"), "Value", s(VALUE), "Secret", s("yes"))),
            List.of(),
            "Invalid item 'api' in table 'bad-items-config': its 'Secret' attribute is of type S,"
                + " not BOOL"));
  }

  private Settings settings(List<String> more, String policy) {
    List<String> all = new java.util.ArrayList<>(more);
    all.addAll(List.of("table", TABLE, "on-invalid-item", policy));
    return LocalSettings.of(engine, all.toArray(String[]::new));
  }

  private void store(List<Map<String, AttributeValue>> items) {
    engine.deleteTable(TABLE);
    engine.createConfigTable(TABLE);
    engine.putItems(TABLE, items);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidItems")
  void invalidItem_fails_orIsSkippedWithOneWarning_namingKeyAndTableNeverTheValue(
      String description,
      List<Map<String, AttributeValue>> items,
      List<String> layout,
      String expected) {
    store(items);

    assertThatThrownBy(() -> Sources.create(settings(layout, "fail")))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessage(
            "DDBCFG-0305 "
                + expected
                + ". Fix the item, or set dynamodb.config.on-invalid-item=skip to leave such items"
                + " out.")
        .message()
        .doesNotContain(VALUE);

    List<String> warnings;
    try (LogCapture log = LogCapture.start()) {
      Sources.create(settings(layout, "skip"));
      warnings = log.messages(Level.WARNING);
    }
    assertThat(warnings).containsExactly("DDBCFG-0303 " + expected + "; item skipped");
  }
}
