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
import static org.assertj.core.api.Assertions.tuple;

import io.github.dynamodbconfig.DynamoDbConfigExtension;
import io.github.dynamodbconfig.DynamoDbConfigSource;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SystemProperties;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Arquillian (JUnit 5) on embedded Weld: the deployment is a ShrinkWrap archive made of the
 * packaged library, service files included, and an application bean; what the bean gets injected
 * comes from the DynamoDB table.
 */
@ExtendWith({ArquillianWeldIT.TableFirst.class, ArquillianExtension.class})
class ArquillianWeldIT {

  /** Creates the table and sets the system properties before Arquillian deploys. */
  static final class TableFirst implements BeforeAllCallback, AfterAllCallback {
    private SystemProperties properties;

    @Override
    public void beforeAll(ExtensionContext context) {
      LocalDynamoDb engine = LocalDynamoDbExtension.engine(context);
      InjectionTable.create(engine);
      properties = InjectionTable.select(engine);
    }

    @Override
    public void afterAll(ExtensionContext context) {
      InjectionTable.release();
      properties.close();
    }
  }

  /** The packaged library: its jar, or its classes directory when run from an IDE. */
  static JavaArchive library() {
    try {
      Path location =
          Path.of(
              DynamoDbConfigSource.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      JavaArchive library = ShrinkWrap.create(JavaArchive.class, "dynamodb-config-source.jar");
      return Files.isDirectory(location)
          ? library
              .as(ExplodedImporter.class)
              .importDirectory(location.toFile())
              .as(JavaArchive.class)
          : library
              .as(ZipImporter.class)
              .importFrom(new File(location.toString()))
              .as(JavaArchive.class);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Deployment
  static JavaArchive deployment() {
    JavaArchive library = library();
    assertThat(
            library.contains("META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource"))
        .isTrue();
    assertThat(library.contains("META-INF/services/jakarta.enterprise.inject.spi.Extension"))
        .isTrue();
    return ShrinkWrap.create(JavaArchive.class, "application.jar")
        .merge(library)
        // SmallRye Config's CDI extension next to the library's own, in one service file.
        .addAsServiceProvider(Extension.class, ConfigExtension.class, DynamoDbConfigExtension.class)
        .addClasses(ArquillianWeldIT.class, Application.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, ArchivePaths.create("beans.xml"));
  }

  /** An application bean. */
  @Dependent
  static class Application {
    @Inject
    @ConfigProperty(name = "db_port")
    int port;

    @Inject
    @ConfigProperty(name = "hosts")
    List<String> hosts;

    @Inject
    @ConfigProperty(name = "db_host")
    ConfigValue host;
  }

  @Inject Application application;

  @Inject Config config;

  @Test
  void injectedValues_comeFromTheTable() {
    assertThat(application.port).isEqualTo(5432);
    assertThat(application.hosts).containsExactly("a.example", "b.example");
    assertThat(application.host.getValue()).isEqualTo("my.test.server");
    assertThat(application.host.getSourceName()).isEqualTo(InjectionTable.SOURCE_NAME);
  }

  @Test
  void theSource_isRegisteredOnce_atItsDefaultOrdinal() {
    assertThat(config.getConfigSources())
        .filteredOn(source -> source instanceof DynamoDbConfigSource)
        .extracting(ConfigSource::getName, ConfigSource::getOrdinal)
        .containsExactly(tuple(InjectionTable.SOURCE_NAME, 270));
  }
}
