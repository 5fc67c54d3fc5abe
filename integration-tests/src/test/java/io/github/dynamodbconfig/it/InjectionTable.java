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

import static io.github.dynamodbconfig.testkit.Items.bool;
import static io.github.dynamodbconfig.testkit.Items.item;
import static io.github.dynamodbconfig.testkit.Items.l;
import static io.github.dynamodbconfig.testkit.Items.m;
import static io.github.dynamodbconfig.testkit.Items.n;
import static io.github.dynamodbconfig.testkit.Items.ns;
import static io.github.dynamodbconfig.testkit.Items.s;
import static io.github.dynamodbconfig.testkit.Items.secretItem;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.SystemProperties;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A table with one item per injected type, and the system properties that point the discovered
 * source at it, as an operator sets them.
 */
final class InjectionTable {

  static final String NAME = "injection-config";
  static final String SOURCE_NAME = "DynamoDbConfigSource[table=" + NAME + "]";

  private InjectionTable() {}

  /** (Re-)creates the table with its items. */
  static void create(LocalDynamoDb engine) {
    engine.createConfigTable(NAME);
    engine.putItems(
        NAME,
        List.of(
            item("db_host", s("my.test.server")),
            item("db_port", s("5432")),
            item("max_rows", n("9000000000")),
            item("debug", bool(true)),
            item("ratio", n("0.75")),
            item("timeout", s("PT30S")),
            item("hosts", l(s("a.example"), s("b.example"))),
            item("ports", ns("8443", "8080")),
            item("nickname", s("blue")),
            item("retries", n("3")),
            item("feature", s("off")),
            item("server", m(Map.of("host", s("api.example"), "port", n("8443")))),
            secretItem("api", s("hidden-value"))));
  }

  /** Points the source at the table of {@code engine}; {@code more}: further key, value pairs. */
  static SystemProperties select(LocalDynamoDb engine, String... more) {
    SystemProperties properties =
        new SystemProperties()
            .set("dynamodb.config.endpoint", engine.endpoint().toString())
            .set("dynamodb.config.region", LocalDynamoDb.REGION.id())
            .set("dynamodb.config.table", NAME);
    for (int i = 0; i < more.length; i += 2) {
      properties.set(more[i], more[i + 1]);
    }
    return properties;
  }

  /**
   * Closes the DynamoDB sources of the thread's config and releases it, so that the next test
   * builds its own from its own system properties.
   */
  static void release() {
    Config config = ConfigProvider.getConfig();
    for (ConfigSource source : config.getConfigSources()) {
      if (source instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
    ConfigProviderResolver.instance().releaseConfig(config);
  }
}
