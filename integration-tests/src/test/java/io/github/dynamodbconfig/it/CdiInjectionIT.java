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

import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SystemProperties;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @ConfigProperty} injection on Weld SE with SmallRye Config: every value comes from the
 * DynamoDB table, through the implementation's own converters.
 */
@ExtendWith(LocalDynamoDbExtension.class)
@EnableWeld
class CdiInjectionIT {

  private static LocalDynamoDb engine;
  private static SystemProperties properties;

  @WeldSetup
  WeldInitiator weld =
      WeldInitiator.from(
              WeldInitiator.createWeld()
                  .addExtension(new ConfigExtension())
                  .addBeanClasses(Injected.class, Server.class))
          .build();

  @Inject Injected injected;

  @BeforeAll
  static void table(LocalDynamoDb local) {
    engine = local;
    InjectionTable.create(engine);
    properties = InjectionTable.select(engine, "dynamodb.config.refresh-interval", "100ms");
  }

  @AfterAll
  static void restore() {
    InjectionTable.release();
    properties.close();
  }

  /** The bean an application writes: fields injected with {@code @ConfigProperty}. */
  @Dependent
  static class Injected {
    @Inject
    @ConfigProperty(name = "db_host")
    String host;

    @Inject
    @ConfigProperty(name = "db_port")
    int port;

    @Inject
    @ConfigProperty(name = "max_rows")
    long maxRows;

    @Inject
    @ConfigProperty(name = "debug")
    boolean debug;

    @Inject
    @ConfigProperty(name = "ratio")
    double ratio;

    @Inject
    @ConfigProperty(name = "timeout")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "hosts")
    List<String> hosts;

    @Inject
    @ConfigProperty(name = "ports")
    Set<Integer> ports;

    @Inject
    @ConfigProperty(name = "nickname")
    Optional<String> nickname;

    @Inject
    @ConfigProperty(name = "no_nickname")
    Optional<String> noNickname;

    @Inject
    @ConfigProperty(name = "retries")
    OptionalInt retries;

    @Inject
    @ConfigProperty(name = "db_host")
    ConfigValue hostValue;

    @Inject
    @ConfigProperty(name = "api")
    String secret;

    @Inject
    @ConfigProperty(name = "feature")
    Provider<String> feature;

    @Inject
    @ConfigProperty(name = "not_in_table", defaultValue = "fallback")
    String withDefault;

    @Inject
    @ConfigProperty(name = "db_port", defaultValue = "1")
    int portWithUnusedDefault;

    @Inject @ConfigProperties Server server;
  }

  /** A {@code @ConfigProperties} bean over the flattened map item {@code server}. */
  @ConfigProperties(prefix = "server")
  @Dependent
  public static class Server {
    public String host;
    public int port;
    public Optional<String> path;

    public Server() {}
  }

  @Test
  void scalars_areConverted() {
    assertThat(injected.host).isEqualTo("my.test.server");
    assertThat(injected.port).isEqualTo(5432);
    assertThat(injected.maxRows).isEqualTo(9_000_000_000L);
    assertThat(injected.debug).isTrue();
    assertThat(injected.ratio).isEqualTo(0.75);
    assertThat(injected.timeout).isEqualTo(Duration.ofSeconds(30));
    assertThat(injected.secret).isEqualTo("hidden-value");
  }

  @Test
  void collections_comeFromListsAndSets() {
    assertThat(injected.hosts).containsExactly("a.example", "b.example");
    assertThat(injected.ports).containsExactlyInAnyOrder(8080, 8443);
  }

  @Test
  void optionals_arePresentForItems_andEmptyOtherwise() {
    assertThat(injected.nickname).contains("blue");
    assertThat(injected.noNickname).isEmpty();
    assertThat(injected.retries).hasValue(3);
  }

  @Test
  void configValue_namesOurSource() {
    assertThat(injected.hostValue.getValue()).isEqualTo("my.test.server");
    assertThat(injected.hostValue.getSourceName()).isEqualTo(InjectionTable.SOURCE_NAME);
    assertThat(injected.hostValue.getSourceOrdinal()).isEqualTo(270);
  }

  @Test
  void configPropertiesBean_isFilledFromAFlattenedMapItem() {
    assertThat(injected.server.host).isEqualTo("api.example");
    assertThat(injected.server.port).isEqualTo(8443);
    assertThat(injected.server.path).isEmpty();
  }

  @Test
  void defaultValue_isUsedForAMissingKey_andIgnoredForAPresentOne() {
    assertThat(injected.withDefault).isEqualTo("fallback");
    assertThat(injected.portWithUnusedDefault).isEqualTo(5432);
  }

  @Test
  void provider_seesARefreshedValue() throws InterruptedException {
    assertThat(injected.feature.get()).isEqualTo("off");

    engine.put(InjectionTable.NAME, "feature", s("on"));
    try {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!"on".equals(injected.feature.get()) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(injected.feature.get()).isEqualTo("on");
    } finally {
      engine.put(InjectionTable.NAME, "feature", s("off"));
    }
  }
}
