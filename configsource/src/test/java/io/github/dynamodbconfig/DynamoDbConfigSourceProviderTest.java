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
import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalDynamoDbExtension.class)
class DynamoDbConfigSourceProviderTest {

  private final LocalDynamoDb engine;

  DynamoDbConfigSourceProviderTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void tables() {
    ExampleTable.create(engine);
    engine.createConfigTable("myapp-common-config");
    engine.putItems("myapp-common-config", List.of(item("feature_x", s("on"))));
    engine.createConfigTable("org-wide-config");
    engine.putItems("org-wide-config", List.of(item("feature_y", s("off"))));
    RequestCounter.reset();
  }

  @Test
  void noExtraTables_yieldsNothing_andMakesNoRequest() {
    assertThat(DynamoDbConfigSourceProvider.sources(LocalSettings.of(engine, "role", "x-y")))
        .isEmpty();
    assertThat(RequestCounter.requests()).isEmpty();
  }

  @Test
  void extraTables_yieldOneSourceEach_atTheirOrdinals() {
    List<ConfigSource> sources =
        DynamoDbConfigSourceProvider.sources(
            LocalSettings.of(
                engine,
                "extra-tables",
                "myapp-common-config:260, org-wide-config",
                "ordinal",
                "300"));

    assertThat(sources)
        .extracting(ConfigSource::getName, ConfigSource::getOrdinal)
        .containsExactly(
            tuple("DynamoDbConfigSource[table=myapp-common-config]", 260),
            tuple("DynamoDbConfigSource[table=org-wide-config]", 299));
    assertThat(sources.get(0).getValue("feature_x")).isEqualTo("on");
    assertThat(sources.get(1).getValue("feature_y")).isEqualTo("off");
    assertThat(RequestCounter.requests()).hasSize(2);
  }

  @Test
  void theMainSourcesTable_isNeverYieldedAgain() {
    List<ConfigSource> sources =
        DynamoDbConfigSourceProvider.sources(
            LocalSettings.of(
                engine,
                "role",
                ExampleTable.ROLE,
                "extra-tables",
                ExampleTable.NAME + ":500,myapp-common-config:260"));

    assertThat(sources)
        .extracting(ConfigSource::getName)
        .containsExactly("DynamoDbConfigSource[table=myapp-common-config]");
    assertThat(RequestCounter.count(ExampleTable.NAME)).isZero();
  }

  @Test
  void disabled_yieldsNothing() {
    assertThat(
            DynamoDbConfigSourceProvider.sources(
                LocalSettings.of(
                    engine, "enabled", "false", "extra-tables", "myapp-common-config:260")))
        .isEmpty();
    assertThat(RequestCounter.requests()).isEmpty();
  }

  @Test
  void missingExtraTable_failsStartup_unlessNotRequired() {
    assertThatThrownBy(
            () ->
                DynamoDbConfigSourceProvider.sources(
                    LocalSettings.of(engine, "extra-tables", "absent-config:260")))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0405 DynamoDB table 'absent-config' in region us-east-1 was not found");

    List<ConfigSource> sources =
        DynamoDbConfigSourceProvider.sources(
            LocalSettings.of(engine, "extra-tables", "absent-config:260", "required", "false"));
    assertThat(sources)
        .singleElement()
        .satisfies(source -> assertThat(source.getPropertyNames()).isEmpty());
  }

  @Test
  void mainTableFoundOnEc2_andAlsoAnExtraTable_isWarnedAbout_namingBothOrdinals() {
    Settings settings = LocalSettings.of(engine, "extra-tables", ExampleTable.NAME + ":260");
    TableTarget fromTag =
        new TableTarget(
            ExampleTable.NAME,
            Optional.of("test-myapp-website"),
            "role 'test-myapp-website' from EC2 tag Environment-role via instance metadata",
            Optional.empty());

    List<String> warnings;
    try (LogCapture log = LogCapture.start()) {
      Sources.create(settings, s -> Resolution.found(fromTag, List.of(), Optional.of("i-0abc")));
      warnings = log.messages(Level.WARNING);
    }

    assertThat(warnings)
        .containsExactly(
            "DDBCFG-0005 DynamoDB table 'test-myapp-website-config' (role 'test-myapp-website' from EC2 tag"
                + " Environment-role via instance metadata) is also listed in"
                + " dynamodb.config.extra-tables, which is read before any EC2 tag: it is served"
                + " twice, at ordinals 270 and 260. Remove it from dynamodb.config.extra-tables");
  }

  @Test
  void providerAndSource_readTheSettingsFilesOfTheContextClassLoader_whateverLoaderIsPassed(
      @TempDir Path context, @TempDir Path passed) throws Exception {
    // The context class loader's file turns the source off; the loader passed to the provider
    // names an extra table. Both read the context loader's: the provider yields nothing.
    writeSettings(context, "dynamodb.config.enabled=false");
    writeSettings(passed, "dynamodb.config.extra-tables=not-there-config:200");
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader contextLoader = loaderOf(context);
        URLClassLoader passedLoader = loaderOf(passed)) {
      thread.setContextClassLoader(contextLoader);
      assertThat(new DynamoDbConfigSourceProvider().getConfigSources(passedLoader)).isEmpty();
      assertThat(new DynamoDbConfigSource().getName()).isEqualTo("DynamoDbConfigSource[disabled]");
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static void writeSettings(Path root, String line) throws IOException {
    Path file = root.resolve(SettingsLookup.PROPERTIES_FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, line + "\n");
  }

  private static URLClassLoader loaderOf(Path root) throws IOException {
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
  }
}
