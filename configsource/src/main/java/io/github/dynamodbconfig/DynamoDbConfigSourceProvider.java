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
 * Yields one {@link DynamoDbConfigSource} per table of {@code dynamodb.config.extra-tables} ({@code
 * name:ordinal}), to layer tables, e.g. a shared {@code myapp-common-config} under the role's
 * table. Registered through {@link java.util.ServiceLoader}.
 *
 * <p>It yields nothing when that setting is empty or the source is disabled, and never the table
 * that the registered {@link DynamoDbConfigSource} serves: a source is registered one way only. The
 * tables are loaded with one shared client.
 */
public final class DynamoDbConfigSourceProvider implements ConfigSourceProvider {

  private static final Logger LOG = System.getLogger(DynamoDbConfigSource.class.getName());

  /** Creates the provider; it reads its settings when asked for sources. */
  public DynamoDbConfigSourceProvider() {}

  @Override
  public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
    return sources(Settings.read(SettingsLookup.standard(forClassLoader)));
  }

  static List<ConfigSource> sources(Settings settings) {
    if (!settings.enabled() || settings.extraTables().isEmpty()) {
      return List.of();
    }
    Optional<String> mainTable = TableTarget.fromSettings(settings).map(TableTarget::table);
    List<Settings.ExtraTable> extras = new ArrayList<>();
    for (Settings.ExtraTable extra : settings.extraTables()) {
      if (mainTable.isPresent() && mainTable.get().equals(extra.table())) {
        LOG.log(
            Level.WARNING,
            () ->
                "Table '"
                    + extra.table()
                    + "' of "
                    + EXTRA_TABLES.key()
                    + " is the table of the registered DynamoDbConfigSource already; it is"
                    + " served once, by that source, with its ordinal "
                    + settings.ordinal());
      } else {
        extras.add(extra);
      }
    }
    if (extras.isEmpty()) {
      return List.of();
    }
    DynamoDbClient client = null;
    DynamoDbConfigException clientFailure = null;
    try {
      client =
          TableLoad.newClient(settings, Optional.empty(), "the tables of " + EXTRA_TABLES.key());
    } catch (DynamoDbConfigException e) {
      clientFailure = e;
    }
    List<DynamoDbConfigSource> sources = new ArrayList<>();
    try {
      for (Settings.ExtraTable extra : extras) {
        TableTarget target = TableTarget.extraTable(extra.table());
        Snapshot snapshot =
            client != null
                ? TableLoad.withClient(settings, target, client)
                : TableLoad.failed(settings, target, clientFailure);
        sources.add(
            new DynamoDbConfigSource(settings, Optional.of(target), extra.ordinal(), snapshot));
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
}
