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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.DynamoDbConfigException;
import io.github.dynamodbconfig.DynamoDbConfigSource;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.RequestCounter;
import io.github.dynamodbconfig.testkit.SystemProperties;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged jar as an application uses it: found by {@link java.util.ServiceLoader}, configured
 * through system properties, read through the MicroProfile Config API.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class DiscoveryIT {

  static final String TABLE = ExampleTable.NAME;

  private final LocalDynamoDb engine;
  private final SystemProperties properties = new SystemProperties();

  DiscoveryIT(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void exampleTable() {
    ExampleTable.create(engine);
    engine.createConfigTable("myapp-common-config");
    engine.putItems(
        "myapp-common-config",
        List.of(item("db_host", s("common.server")), item("feature_x", s("on"))));
    properties
        .set("dynamodb.config.endpoint", engine.endpoint().toString())
        .set("dynamodb.config.region", LocalDynamoDb.REGION.id())
        .set("dynamodb.config.role", ExampleTable.ROLE);
    RequestCounter.reset();
  }

  @AfterEach
  void restore() {
    properties.close();
  }

  private static List<ConfigSource> ours(Config config) {
    return StreamSupport.stream(config.getConfigSources().spliterator(), false)
        .filter(source -> source.getName().startsWith("DynamoDbConfigSource["))
        .toList();
  }

  @Test
  void configProvider_findsTheSource_andConvertsTypes() {
    Config config = ConfigProvider.getConfig();
    try {
      assertThat(config.getValue("db_port", int.class)).isEqualTo(5432);
      assertThat(config.getValue("debug", boolean.class)).isTrue();
      assertThat(config.getValue("db_host", String.class)).isEqualTo("my.test.server");
      assertThat(config.getOptionalValue("absent", String.class)).isEqualTo(Optional.empty());
      assertThat(ours(config))
          .extracting(ConfigSource::getName)
          .containsExactly(
              "DynamoDbConfigSource[table=test-myapp-website-config, role=test-myapp-website]");
      assertThat(RequestCounter.count("Scan", TABLE)).isEqualTo(1);
    } finally {
      ConfigProviderResolver.instance().releaseConfig(config);
    }
  }

  @Test
  void smallRyeBuilder_discoversTheSource() {
    SmallRyeConfig config = new SmallRyeConfigBuilder().addDiscoveredSources().build();

    assertThat(config.getValue("db_port", int.class)).isEqualTo(5432);
    assertThat(ours(config)).hasSize(1).first().isInstanceOf(DynamoDbConfigSource.class);
    assertThat(ours(config).get(0).getOrdinal()).isEqualTo(270);
  }

  @Test
  void provider_layersExtraTables_underTheRoleTable() {
    properties.set("dynamodb.config.extra-tables", "myapp-common-config:260," + TABLE + ":500");

    SmallRyeConfig config = new SmallRyeConfigBuilder().addDiscoveredSources().build();

    assertThat(ours(config))
        .extracting(ConfigSource::getName, ConfigSource::getOrdinal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "DynamoDbConfigSource[table=test-myapp-website-config, role=test-myapp-website]",
                270),
            org.assertj.core.groups.Tuple.tuple(
                "DynamoDbConfigSource[table=myapp-common-config]", 260));
    assertThat(config.getValue("db_host", String.class)).isEqualTo("my.test.server");
    assertThat(config.getValue("feature_x", String.class)).isEqualTo("on");
    assertThat(RequestCounter.count("Scan", TABLE)).isEqualTo(1);
    assertThat(RequestCounter.count("Scan", "myapp-common-config")).isEqualTo(1);
  }

  @Test
  void missingTable_failsDiscovery_withOurMessage() {
    properties.set("dynamodb.config.role", "prod-absent");

    assertThatThrownBy(() -> new SmallRyeConfigBuilder().addDiscoveredSources().build())
        .hasRootCauseInstanceOf(
            software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class)
        .satisfies(
            e ->
                assertThat(causes(e))
                    .anySatisfy(
                        cause ->
                            assertThat(cause)
                                .isInstanceOf(DynamoDbConfigException.class)
                                .hasMessageStartingWith(
                                    "DDBCFG-0405 DynamoDB table 'prod-absent-config' (role"
                                        + " 'prod-absent') in"
                                        + " region us-east-1 was not found")));
  }

  @Test
  void disabled_addsAnEmptySource_andMakesNoRequest() {
    properties.set("dynamodb.config.enabled", "false");

    SmallRyeConfig config = new SmallRyeConfigBuilder().addDiscoveredSources().build();

    assertThat(config.getOptionalValue("db_port", String.class)).isEmpty();
    assertThat(ours(config))
        .extracting(ConfigSource::getName)
        .containsExactly("DynamoDbConfigSource[disabled]");
    assertThat(RequestCounter.requests()).isEmpty();
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> causes = new java.util.ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      causes.add(t);
    }
    return causes;
  }
}
