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

import static io.github.dynamodbconfig.testkit.Items.b;
import static io.github.dynamodbconfig.testkit.Items.bool;
import static io.github.dynamodbconfig.testkit.Items.bs;
import static io.github.dynamodbconfig.testkit.Items.l;
import static io.github.dynamodbconfig.testkit.Items.m;
import static io.github.dynamodbconfig.testkit.Items.n;
import static io.github.dynamodbconfig.testkit.Items.ns;
import static io.github.dynamodbconfig.testkit.Items.nul;
import static io.github.dynamodbconfig.testkit.Items.s;
import static io.github.dynamodbconfig.testkit.Items.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.github.dynamodbconfig.AttributeValues.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValuesTest {

  private static Map<String, String> convert(AttributeValue value) throws InvalidValueException {
    return AttributeValues.toProperties("key", value);
  }

  @Test
  void string_isExposedAsStored() throws Exception {
    assertThat(convert(s("my.test.server"))).containsExactly(entry("key", "my.test.server"));
  }

  @Test
  void string_withCommaAndBackslash_isNotEscaped() throws Exception {
    assertThat(convert(s("a,b\\c"))).containsExactly(entry("key", "a,b\\c"));
  }

  @Test
  void number_isExposedAsStored() throws Exception {
    assertThat(convert(n("5432"))).containsExactly(entry("key", "5432"));
    assertThat(convert(n("-1.5E+3"))).containsExactly(entry("key", "-1.5E+3"));
  }

  @Test
  void bool_isTrueOrFalse() throws Exception {
    assertThat(convert(bool(true))).containsExactly(entry("key", "true"));
    assertThat(convert(bool(false))).containsExactly(entry("key", "false"));
  }

  @Test
  void null_isAbsent() throws Exception {
    assertThat(convert(nul())).isEmpty();
  }

  @Test
  void emptyString_isAbsent() throws Exception {
    assertThat(convert(s(""))).isEmpty();
  }

  @Test
  void emptyListAndMap_areAbsent() throws Exception {
    assertThat(convert(l())).isEmpty();
    assertThat(convert(m(Map.of()))).isEmpty();
  }

  @Test
  void listOfScalars_isCommaJoinedInOrder() throws Exception {
    assertThat(convert(l(s("b"), n("1"), bool(true)))).containsExactly(entry("key", "b,1,true"));
  }

  @Test
  void listOfScalars_escapesCommaAndBackslash() throws Exception {
    assertThat(convert(l(s("a,b"), s("c\\d"), s("e"))))
        .containsExactly(entry("key", "a\\,b,c\\\\d,e"));
  }

  @Test
  void listWithEmptyString_isInvalid_andNamesTheIndex() {
    assertThatThrownBy(() -> convert(l(s("a"), s(""))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "list at 'key' has an empty string at index 1, which MicroProfile array syntax cannot"
                + " express");
  }

  @Test
  void setWithAnEmptyElement_isInvalid_neverShortenedByIt() {
    assertThatThrownBy(() -> convert(ss("b", "", "a")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "set at 'key' has an empty element, which MicroProfile array syntax cannot express");
    assertThatThrownBy(() -> convert(bs(new byte[0], new byte[] {1})))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "set at 'key' has an empty element, which MicroProfile array syntax cannot express");
  }

  @Test
  void stringSet_isSortedAndEscaped() throws Exception {
    assertThat(convert(ss("pear", "apple", "x,y")))
        .containsExactly(entry("key", "apple,pear,x\\,y"));
  }

  @Test
  void stringSet_isSortedByCodePoint_asDynamoDbSortsStrings() throws Exception {
    // U+1F600 (a surrogate pair in UTF-16) comes after U+FF5E by code point, not by UTF-16 unit.
    assertThat(convert(ss("\uD83D\uDE00", "\uFF5E", "a")))
        .containsExactly(entry("key", "a,\uFF5E,\uD83D\uDE00"));
  }

  @Test
  void numberSet_isSortedByValue() throws Exception {
    assertThat(convert(ns("10", "9", "-2.5", "100")))
        .containsExactly(entry("key", "-2.5,9,10,100"));
  }

  @Test
  void binary_isBase64() throws Exception {
    assertThat(convert(b("hello".getBytes(StandardCharsets.UTF_8))))
        .containsExactly(entry("key", "aGVsbG8="));
  }

  @Test
  void binarySet_isBase64_sortedByUnsignedBytes() throws Exception {
    assertThat(convert(bs(new byte[] {(byte) 0xff}, new byte[] {0x01}, new byte[] {0x7f})))
        .containsExactly(entry("key", "AQ==,fw==,/w=="));
  }

  @Test
  void map_isFlattenedWithDots() throws Exception {
    var value = m(Map.of("host", s("db.example"), "port", n("5432"), "tls", bool(true)));
    assertThat(convert(value))
        .containsExactly(
            entry("key.host", "db.example"), entry("key.port", "5432"), entry("key.tls", "true"));
  }

  @Test
  void map_withNullEntry_leavesThatEntryAbsent() throws Exception {
    assertThat(convert(m(Map.of("a", s("1"), "b", nul())))).containsExactly(entry("key.a", "1"));
  }

  @Test
  void listOfMaps_isIndexed() throws Exception {
    var value =
        l(m(Map.of("name", s("primary"), "port", n("5432"))), m(Map.of("name", s("replica"))));
    assertThat(convert(value))
        .containsExactly(
            entry("key[0].name", "primary"),
            entry("key[0].port", "5432"),
            entry("key[1].name", "replica"));
  }

  @Test
  void mixedList_indexesEveryElement() throws Exception {
    assertThat(convert(l(s("a"), m(Map.of("b", s("c"))), l(n("1"), n("2")))))
        .containsExactly(entry("key[0]", "a"), entry("key[1].b", "c"), entry("key[2]", "1,2"));
  }

  @Test
  void mixedList_withNullElement_isInvalid_neverAGapInTheIndexes() {
    assertThatThrownBy(() -> convert(l(s("a"), nul())))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "list at 'key' has an empty element at index 1 (NULL, an empty string, list, set or"
                + " map), which indexed properties cannot express");
  }

  @Test
  void listOfMaps_withAnEmptyMapOrEmptyString_isInvalid_andNamesTheIndex() {
    assertThatThrownBy(() -> convert(l(m(Map.of("b", s("c"))), m(Map.of()))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("list at 'key' has an empty element at index 1 ");
    assertThatThrownBy(() -> convert(l(s(""), m(Map.of("b", s("c"))))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("list at 'key' has an empty element at index 0 ");
    assertThatThrownBy(() -> convert(l(m(Map.of("b", s("c"))), m(Map.of("d", nul())))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("list at 'key' has an empty element at index 1 ");
  }

  @Test
  void deepNesting_isFlattenedAllTheWay() throws Exception {
    AttributeValue value = s("deep");
    StringBuilder expected = new StringBuilder("key");
    for (int level = 0; level < 20; level++) {
      value = m(Map.of("l" + level, value));
    }
    for (int level = 19; level >= 0; level--) {
      expected.append(".l").append(level);
    }
    assertThat(convert(value)).containsExactly(entry(expected.toString(), "deep"));
  }

  @Test
  void mapYieldingTheSameNameTwice_isInvalid_neverAnOverwrite() {
    var value = m(Map.of("a.b", s("1"), "a", m(Map.of("b", s("2")))));
    assertThatThrownBy(() -> convert(value))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("it yields the property 'key.a.b' twice");
  }

  @Test
  void nestingDeeperThanDynamoDbAllows_isInvalid() {
    AttributeValue value = s("deep");
    for (int level = 0; level <= AttributeValues.MAX_DEPTH; level++) {
      value = l(m(Map.of("x", value)));
    }
    AttributeValue tooDeep = value;
    assertThatThrownBy(() -> convert(tooDeep))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("nested deeper than 32 levels at 'key[0].x[0].x");
  }

  @Test
  void mapWithEmptyAttributeName_isInvalid() {
    Map<String, AttributeValue> entries = new LinkedHashMap<>();
    entries.put("", s("x"));
    assertThatThrownBy(() -> convert(m(entries)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("map at 'key' has an empty attribute name");
  }

  @Test
  void unknownType_isInvalid() {
    assertThatThrownBy(() -> convert(AttributeValue.builder().build()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("unsupported DynamoDB type at 'key'");
  }

  @Test
  void invalidValueMessages_neverContainTheValue() {
    String secret = "s3cr3t-value-7781";
    for (AttributeValue bad : List.of(l(s(secret), s("")), m(Map.of("", s(secret))))) {
      assertThatThrownBy(() -> convert(bad)).message().doesNotContain(secret);
    }
  }
}
