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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.DynamoDbConfigExtension;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.SystemProperties;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deployments as a CDI container sees them, each test with its own Weld SE container: a missing
 * required key fails the deployment, and the library's extension, found through its service file,
 * reports overridden values and closes the sources at shutdown.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class CdiDeploymentIT {

  private static final String EXTENSION_LOGGER = DynamoDbConfigExtension.class.getName();

  private final LocalDynamoDb engine;
  private SystemProperties properties;

  CdiDeploymentIT(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void table() {
    InjectionTable.create(engine);
  }

  @AfterEach
  void restore() {
    InjectionTable.release();
    properties.close();
  }

  @Dependent
  static class NeedsAbsentKey {
    @Inject
    @ConfigProperty(name = "not_in_any_source")
    String absent;
  }

  @Dependent
  static class UsesTheTable {
    @Inject
    @ConfigProperty(name = "db_host")
    String host;

    @Inject
    @ConfigProperty(name = "db_port")
    int port;
  }

  /**
   * A container with SmallRye's extension added by hand (its jar registers none), and every
   * extension of the class path's {@code META-INF/services} files, as an application server loads
   * them: ours among them.
   */
  private static Weld weld(Class<?>... beans) {
    Weld weld = new Weld().containerId(null).disableDiscovery().addExtension(new ConfigExtension());
    List<Class<?>> registered = new ArrayList<>();
    for (Extension extension : ServiceLoader.load(Extension.class)) {
      // Arquillian's embedded Weld container (of ArquillianWeldIT) registers its own runner of
      // build compatible extensions; Weld SE runs them itself, as a server does.
      boolean arquillians = extension.getClass().getName().startsWith("org.jboss.arquillian.");
      if (!(extension instanceof ConfigExtension) && !arquillians) {
        weld.addExtension(extension);
        registered.add(extension.getClass());
      }
    }
    assertThat(registered).contains(DynamoDbConfigExtension.class);
    return weld.addBeanClasses(beans);
  }

  @Test
  void missingRequiredKey_failsTheDeployment_namingTheKey() {
    properties = InjectionTable.select(engine);

    assertThatThrownBy(() -> weld(NeedsAbsentKey.class).initialize())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("not_in_any_source");
  }

  @Test
  void overriddenValues_areReportedOncePerKey_secretsMasked() {
    properties =
        InjectionTable.select(engine)
            .set("db_host", "localhost")
            .set("api", "dev-only-value")
            .set("ratio", "0.75");

    try (LogCapture logs = LogCapture.start();
        WeldContainer container = weld(UsesTheTable.class).initialize()) {
      UsesTheTable bean = container.select(UsesTheTable.class).get();
      assertThat(bean.host).isEqualTo("localhost");
      assertThat(bean.port).isEqualTo(5432);

      assertThat(logs.messages(EXTENSION_LOGGER, Level.INFO))
          .containsExactly(
              "DDBCFG-0801 api: DynamoDB value overridden by SysPropConfigSource (ordinal 400); table"
                  + " 'injection-config' has ***, the application gets ***",
              "DDBCFG-0801 db_host: DynamoDB value overridden by SysPropConfigSource (ordinal 400); table"
                  + " 'injection-config' has 'my.test.server', the application gets 'localhost'",
              "DDBCFG-0801 ratio: DynamoDB value overridden by SysPropConfigSource (ordinal 400); table"
                  + " 'injection-config' has '0.75', the application gets '0.75'");
      assertThat(logs.all()).noneMatch(m -> m.contains("hidden-value") || m.contains("dev-only"));
    }
  }

  @Test
  void nothingOverridden_reportsNothing() {
    properties = InjectionTable.select(engine);

    try (LogCapture logs = LogCapture.start();
        WeldContainer container = weld(UsesTheTable.class).initialize()) {
      assertThat(container.select(UsesTheTable.class).get().host).isEqualTo("my.test.server");
      assertThat(logs.messages(EXTENSION_LOGGER, Level.INFO)).isEmpty();
    }
  }

  @Test
  void containerShutdown_stopsTheRefreshThread() throws InterruptedException {
    properties = InjectionTable.select(engine, "dynamodb.config.refresh-interval", "100ms");

    WeldContainer container = weld(UsesTheTable.class).initialize();
    assertThat(refreshThreads()).isEqualTo(1);
    container.shutdown();

    long deadline = System.nanoTime() + 10_000_000_000L;
    while (refreshThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(refreshThreads()).isZero();
  }

  private static long refreshThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("dynamodb-config-refresh-"))
        .count();
  }
}
