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

import static io.github.dynamodbconfig.DynamoDbConfigSetting.ENABLED;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.EXTRA_TABLES;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.REQUIRED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds every source of the library: the registered source (its table from the settings, else from
 * EC2) and the provider's sources of {@code dynamodb.config.extra-tables}. It finds the table,
 * loads it once, and starts the refresher; the source it builds only serves.
 */
final class SourceFactory {

  private SourceFactory() {}

  /**
   * The registered source, as the no-arg constructor builds it: idle while Quarkus builds the
   * application or is in its static-init phase, else from the standard settings.
   */
  static SourceParts registered() {
    Optional<String> quarkusPhase = QuarkusPhase.beforeRuntime();
    if (quarkusPhase.isPresent()) {
      return idle(quarkusPhase.get());
    }
    return registered(SettingsParser.read(SettingsLookup.standard()), RoleResolver::onEc2);
  }

  /**
   * The registered source of {@code settings}: their table, else the one {@code fromEc2} finds,
   * loaded; {@code fromEc2} is asked only when the settings name neither table nor role.
   */
  static SourceParts registered(Settings settings, Function<Settings, Resolution> fromEc2) {
    Optional<TableLoader> loader = locate(settings, fromEc2);
    String name =
        loader
            .map(TableLoader::target)
            .map(SourceFactory::name)
            .orElse(
                settings.enabled()
                    ? "DynamoDbConfigSource[no table]"
                    : "DynamoDbConfigSource[disabled]");
    return parts(settings, loader, settings.ordinal(), loader.map(TableLoader::load), name);
  }

  /**
   * The provider's sources, from the standard settings; none while Quarkus builds the application
   * or is in its static-init phase, as the registered source loads nothing then.
   */
  static List<SourceParts> extraTables() {
    if (QuarkusPhase.beforeRuntime().isPresent()) {
      return List.of();
    }
    return extraTables(SettingsParser.read(SettingsLookup.standard()));
  }

  /**
   * The sources of {@code dynamodb.config.extra-tables}, each at its ordinal, all loaded with one
   * client; none for the table the registered source serves already. When one fails to load, those
   * already built are closed.
   */
  static List<SourceParts> extraTables(Settings settings) {
    if (!settings.enabled() || settings.extraTables().isEmpty()) {
      return List.of();
    }
    List<Settings.ExtraTable> extras = besidesRegisteredTable(settings);
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
    List<SourceParts> built = new ArrayList<>();
    try {
      for (Settings.ExtraTable extra : extras) {
        TableLoader loader = new TableLoader(settings, TableTarget.extraTable(extra.table()));
        Snapshot snapshot = client != null ? loader.load(client) : loader.failed(clientFailure);
        built.add(
            parts(
                settings,
                Optional.of(loader),
                extra.ordinal(),
                Optional.of(snapshot),
                name(loader.target())));
      }
      return List.copyOf(built);
    } catch (RuntimeException | Error e) {
      built.forEach(parts -> parts.refresher().ifPresent(Refresher::close));
      throw e;
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }

  private static SourceParts parts(
      Settings settings,
      Optional<TableLoader> loader,
      int ordinal,
      Optional<Snapshot> loaded,
      String name) {
    ServedSnapshot snapshot = new ServedSnapshot(loaded.orElse(Snapshot.EMPTY));
    ChangeListeners listeners =
        loader.map(l -> new ChangeListeners(l.target())).orElseGet(ChangeListeners::none);
    Optional<Refresher> refresher =
        loader.flatMap(
            l ->
                settings
                    .refreshInterval()
                    .map(
                        interval ->
                            new Refresher(
                                snapshot,
                                interval,
                                l.target().describe(),
                                l.reloads(),
                                listeners)));
    return new SourceParts(
        name, loader.map(TableLoader::target), ordinal, snapshot, refresher, listeners);
  }

  /** Nothing read, nothing loaded, one DEBUG line: {@code phase} says what Quarkus is doing. */
  private static SourceParts idle(String phase) {
    SourceMessages.IDLE.log(phase);
    return new SourceParts(
        "DynamoDbConfigSource[idle]",
        Optional.empty(),
        Integer.parseInt(DynamoDbConfigSetting.ORDINAL.defaultValue().orElseThrow()),
        new ServedSnapshot(Snapshot.EMPTY),
        Optional.empty(),
        ChangeListeners.none());
  }

  private static String name(TableTarget target) {
    return "DynamoDbConfigSource[table="
        + target.table()
        + target.role().map(role -> ", role=" + role).orElse("")
        + "]";
  }

  /**
   * The loader of the table of the settings, else of EC2; empty for a disabled source or no table
   * (said once in the log, or thrown when the settings require a table).
   */
  private static Optional<TableLoader> locate(
      Settings settings, Function<Settings, Resolution> fromEc2) {
    if (!settings.enabled()) {
      SourceMessages.DISABLED.log(ENABLED.key());
      return Optional.empty();
    }
    Optional<TableTarget> configured = TableTarget.fromSettings(settings);
    if (configured.isPresent()) {
      return Optional.of(new TableLoader(settings, configured.get()));
    }
    Resolution found = fromEc2.apply(settings);
    if (found.target().isEmpty()) {
      noTable(settings, found);
      return Optional.empty();
    }
    warnIfAlsoExtra(settings, found.target().get());
    return Optional.of(new TableLoader(settings, found.target().get()));
  }

  private static void noTable(Settings settings, Resolution resolution) {
    String why = RoleMessages.noTable(settings, resolution);
    if (settings.required(false)) {
      throw SourceMessages.NO_TABLE_REQUIRED.exception(null, why, REQUIRED.key());
    }
    (resolution.outcome().needsAttention()
            ? SourceMessages.NO_TABLE_ON_EC2
            : SourceMessages.NO_TABLE)
        .log(why);
  }

  /**
   * The provider reads its tables before any EC2 tag and cannot know a table found there: when
   * {@code extra-tables} lists it too, it is served twice, which the user must hear of.
   */
  private static void warnIfAlsoExtra(Settings settings, TableTarget target) {
    settings
        .extraTable(target.table())
        .ifPresent(
            extra ->
                SourceMessages.SERVED_TWICE.log(
                    MessageText.quoted(target.table()),
                    target.provenance(),
                    EXTRA_TABLES.key(),
                    settings.ordinal(),
                    extra.ordinal(),
                    EXTRA_TABLES.key()));
  }

  /** The extra tables but the registered source's table, which is served once, by that source. */
  private static List<Settings.ExtraTable> besidesRegisteredTable(Settings settings) {
    Optional<String> mainTable = TableTarget.fromSettings(settings).map(TableTarget::table);
    Optional<Settings.ExtraTable> both = mainTable.flatMap(settings::extraTable);
    both.ifPresent(
        extra ->
            SourceMessages.EXTRA_IS_REGISTERED.log(
                MessageText.quoted(extra.table()), EXTRA_TABLES.key(), settings.ordinal()));
    return settings.extraTables().stream()
        .filter(extra -> !both.equals(Optional.of(extra)))
        .toList();
  }
}
