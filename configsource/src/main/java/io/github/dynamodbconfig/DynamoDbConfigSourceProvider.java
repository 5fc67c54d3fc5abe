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

import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Yields one {@link DynamoDbConfigSource} per table of {@code dynamodb.config.extra-tables}, each
 * at its own ordinal, e.g. a shared {@code myapp-common-config} under the role's table. Registered
 * through {@link java.util.ServiceLoader}; it yields nothing when that setting is empty, and never
 * the table that the registered source serves already (a source is registered one way, never both).
 *
 * <p>It reads its settings as the registered source does (system properties, environment variables,
 * then the {@code META-INF/microprofile-config.properties} files of the thread's context class
 * loader), so that the two always agree on them. All tables load with one DynamoDB client.
 */
public final class DynamoDbConfigSourceProvider implements ConfigSourceProvider {

  /** Creates the provider; it reads its settings when asked for sources. */
  public DynamoDbConfigSourceProvider() {}

  /**
   * The sources of the extra tables. {@code forClassLoader} is not used for the settings: they come
   * from the same class loader as those of the registered source, which is given none. None while
   * Quarkus builds the application or is in its static-init phase, as the registered source loads
   * nothing then.
   */
  @Override
  public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
    return served(SourceFactory.extraTables());
  }

  /** The sources of the extra tables of {@code settings}. */
  static List<ConfigSource> sources(Settings settings) {
    return served(SourceFactory.extraTables(settings));
  }

  private static List<ConfigSource> served(List<SourceParts> built) {
    return built.stream().<ConfigSource>map(DynamoDbConfigSource::new).toList();
  }
}
