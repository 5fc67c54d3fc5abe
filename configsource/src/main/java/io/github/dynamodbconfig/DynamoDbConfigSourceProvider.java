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

import static io.github.dynamodbconfig.DynamoDbConfigSetting.EXTRA_TABLES;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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

  private static final Logger LOG = Log.SOURCE;

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
    if (QuarkusPhase.beforeRuntime().isPresent()) {
      return List.of();
    }
    return sources(SettingsParser.read(SettingsLookup.standard()));
  }

  static List<ConfigSource> sources(Settings settings) {
    if (!settings.enabled() || settings.extraTables().isEmpty()) {
      return List.of();
    }
    List<Settings.ExtraTable> extras = besidesMainTable(settings);
    if (extras.isEmpty()) {
      return List.of();
    }
    DynamoDbClient client = null;
    DynamoDbConfigException clientFailure = null;
    try {
      client =
          AwsClients.dynamoDb(settings, Optional.empty(), "the tables of " + EXTRA_TABLES.key());
    } catch (DynamoDbConfigException e) {
      clientFailure = e;
    }
    List<DynamoDbConfigSource> sources = new ArrayList<>();
    try {
      for (Settings.ExtraTable extra : extras) {
        TableLoader loader = new TableLoader(settings, TableTarget.extraTable(extra.table()));
        Snapshot snapshot = client != null ? loader.load(client) : loader.failed(clientFailure);
        sources.add(
            new DynamoDbConfigSource(
                settings, Optional.of(loader), extra.ordinal(), Optional.of(snapshot)));
      }
      return List.copyOf(sources);
    } catch (RuntimeException | Error e) {
      sources.forEach(DynamoDbConfigSource::close); // nobody else can stop their refresh now
      throw e;
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }

  /** The extra tables but the registered source's table, which is served once, by that source. */
  private static List<Settings.ExtraTable> besidesMainTable(Settings settings) {
    Optional<String> mainTable = TableTarget.fromSettings(settings).map(TableTarget::table);
    Optional<Settings.ExtraTable> both = mainTable.flatMap(settings::extraTable);
    both.ifPresent(
        extra ->
            LOG.log(
                Level.WARNING,
                () ->
                    "Table '"
                        + extra.table()
                        + "' of "
                        + EXTRA_TABLES.key()
                        + " is the table of the registered DynamoDbConfigSource already; it is"
                        + " served once, by that source, with its ordinal "
                        + settings.ordinal()));
    return settings.extraTables().stream()
        .filter(extra -> !both.equals(Optional.of(extra)))
        .toList();
  }
}
