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
package io.github.dynamodbconfig.it;

import static io.github.dynamodbconfig.testkit.Items.item;
import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SystemProperties;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Precedence: system properties (400) over the table (270) over {@code
 * META-INF/microprofile-config.properties} (100), which holds {@code db_port=1111} here.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class PrecedenceIT {

  private final LocalDynamoDb engine;
  private final SystemProperties properties = new SystemProperties();

  PrecedenceIT(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void table() {
    engine.createConfigTable("precedence-config");
    engine.putItems(
        "precedence-config", List.of(item("db_port", s("5432")), item("db_host", s("from-table"))));
    properties
        .set("dynamodb.config.endpoint", engine.endpoint().toString())
        .set("dynamodb.config.region", LocalDynamoDb.REGION.id())
        .set("dynamodb.config.table", "precedence-config");
  }

  @AfterEach
  void restore() {
    properties.close();
  }

  private static SmallRyeConfig config() {
    return new SmallRyeConfigBuilder().addDefaultSources().addDiscoveredSources().build();
  }

  @Test
  void table_overridesMicroprofileConfigProperties() {
    SmallRyeConfig config = config();

    assertThat(config.getValue("db_port", int.class)).isEqualTo(5432);
    assertThat(config.getConfigValue("db_port").getSourceName())
        .isEqualTo("DynamoDbConfigSource[table=precedence-config]");
    assertThat(config.getValue("only_in_file", String.class)).isEqualTo("file-value");
  }

  @Test
  void systemProperty_overridesTheTable() {
    properties.set("db_host", "localhost");

    SmallRyeConfig config = config();

    assertThat(config.getValue("db_host", String.class)).isEqualTo("localhost");
    assertThat(config.getValue("db_port", int.class)).isEqualTo(5432);
  }

  @Test
  void lowerOrdinal_letsTheFileWin() {
    properties.set("dynamodb.config.ordinal", "50");

    SmallRyeConfig config = config();

    assertThat(config.getValue("db_port", int.class)).isEqualTo(1111);
    assertThat(config.getValue("db_host", String.class)).isEqualTo("from-table");
  }

  @Test
  void higherOrdinal_winsOverSystemProperties() {
    properties.set("dynamodb.config.ordinal", "450").set("db_host", "localhost");

    SmallRyeConfig config = config();

    assertThat(config.getValue("db_host", String.class)).isEqualTo("from-table");
  }
}
