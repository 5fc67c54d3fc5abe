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

import static io.github.dynamodbconfig.testkit.Items.bool;
import static io.github.dynamodbconfig.testkit.Items.item;
import static io.github.dynamodbconfig.testkit.Items.l;
import static io.github.dynamodbconfig.testkit.Items.m;
import static io.github.dynamodbconfig.testkit.Items.n;
import static io.github.dynamodbconfig.testkit.Items.ns;
import static io.github.dynamodbconfig.testkit.Items.s;
import static io.github.dynamodbconfig.testkit.Items.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Typed values through SmallRye Config's own converters, from a table in the local DynamoDB engine.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class TypedAccessTest {

  private static SmallRyeConfig config;

  @BeforeAll
  static void load(LocalDynamoDb engine) {
    engine.createConfigTable("typed-config");
    engine.putItems(
        "typed-config",
        List.of(
            item("db_port", s("5432")),
            item("max_rows", n("9000000000")),
            item("ratio", n("0.75")),
            item("debug", bool(true)),
            item("timeout", s("PT30S")),
            item("ports", l(n("8080"), n("8443"))),
            item("hosts", ss("b.example", "a.example")),
            item("codes", ns("3", "1", "2")),
            item("names", l(s("a,b"), s("c"))),
            item("paths", l(s("C:\\dir"), s("x\\,y"))),
            item("pool", m(Map.of("min", n("2"), "max", n("10")))),
            item("replicas", l(m(Map.of("host", s("r1"))), m(Map.of("host", s("r2")))))));
    config =
        new SmallRyeConfigBuilder()
            .withSources(Sources.create(LocalSettings.of(engine, "table", "typed-config")))
            .build();
  }

  @Test
  void int_long_double_boolean() {
    assertThat(config.getValue("db_port", int.class)).isEqualTo(5432);
    assertThat(config.getValue("max_rows", long.class)).isEqualTo(9_000_000_000L);
    assertThat(config.getValue("ratio", double.class)).isEqualTo(0.75);
    assertThat(config.getValue("debug", boolean.class)).isTrue();
  }

  @Test
  void duration() {
    assertThat(config.getValue("timeout", Duration.class)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void lists_andSets() {
    assertThat(config.getValues("ports", Integer.class)).containsExactly(8080, 8443);
    assertThat(config.getValues("hosts", String.class)).containsExactly("a.example", "b.example");
    assertThat(config.getValues("codes", Integer.class)).containsExactly(1, 2, 3);
    assertThat(config.getValues("names", String.class)).containsExactly("a,b", "c");
    assertThat(config.getValues("paths", String.class)).containsExactly("C:\\dir", "x\\,y");
  }

  @Test
  void optional_ofMissingKey_isEmpty() {
    assertThat(config.getOptionalValue("no_such_key", String.class)).isEqualTo(Optional.empty());
    assertThat(config.getOptionalValue("db_port", String.class)).contains("5432");
  }

  @Test
  void flattenedMaps_andIndexedLists() {
    assertThat(config.getValue("pool.max", int.class)).isEqualTo(10);
    assertThat(config.getValue("replicas[1].host", String.class)).isEqualTo("r2");
    assertThat(config.getPropertyNames()).contains("pool.min", "replicas[0].host");
  }
}
