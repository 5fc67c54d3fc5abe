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

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A MicroProfile Config source that serves the items of an Amazon DynamoDB table, one property per
 * item ({@code Parameter} = name, {@code Value} = value).
 *
 * <p>Registered through {@link java.util.ServiceLoader}: an application only puts the library on
 * its class path. On construction the source reads its own settings ({@link
 * DynamoDbConfigSetting}), finds its table, and loads the table once; every lookup then reads an
 * immutable in-memory snapshot, with no I/O and no lock. With no table configured it is empty.
 *
 * <p>Its default ordinal, 270, puts the table above {@code microprofile-config.properties} and
 * below environment variables and system properties, so {@code -Ddb_host=localhost} overrides the
 * table in development.
 *
 * <p>With {@code dynamodb.config.refresh-interval} set, a daemon thread reloads the table at that
 * period and swaps the snapshot when a load succeeds; {@link #close()} stops it.
 */
public final class DynamoDbConfigSource implements ConfigSource, AutoCloseable {

  private static final Logger LOG = Log.SOURCE;

  private final String name;
  private final String table;
  private final int ordinal;
  private final ServedSnapshot snapshot;
  private final Refresher refresher;

  /**
   * Reads the settings from system properties, environment variables and {@code
   * META-INF/microprofile-config.properties} of the thread's context class loader, then loads the
   * table they name. While Quarkus builds the application (or is in its static-init phase) it does
   * neither and stays empty: Quarkus creates the source again when the application starts.
   *
   * @throws DynamoDbConfigException when a setting is invalid, or the table cannot be loaded and
   *     {@code dynamodb.config.required} is not {@code false}
   */
  public DynamoDbConfigSource() {
    this(QuarkusPhase.beforeRuntime());
  }

  private DynamoDbConfigSource(Optional<String> quarkusPhase) {
    this(
        quarkusPhase.isPresent()
            ? idle(quarkusPhase.get())
            : loaded(SettingsParser.read(SettingsLookup.standard()), RoleResolver::onEc2));
  }

  DynamoDbConfigSource(Settings settings) {
    this(settings, RoleResolver::onEc2);
  }

  /** {@code fromEc2} finds the table on EC2 when the settings name neither table nor role. */
  DynamoDbConfigSource(Settings settings, Function<Settings, Resolution> fromEc2) {
    this(loaded(settings, fromEc2));
  }

  /**
   * A source of the table of {@code loader}, loaded by the caller into {@code loaded} (the
   * provider, with its shared client); empty {@code loaded} when there is no table.
   */
  DynamoDbConfigSource(
      Settings settings, Optional<TableLoader> loader, int ordinal, Optional<Snapshot> loaded) {
    this(new Parts(loader, settings.refreshInterval(), ordinal, loaded, name(settings, loader)));
  }

  private DynamoDbConfigSource(Parts parts) {
    Optional<TableTarget> target = parts.loader().map(TableLoader::target);
    this.name = parts.name();
    this.table = target.map(TableTarget::table).orElse(null);
    this.ordinal = parts.ordinal();
    this.snapshot = new ServedSnapshot(parts.loaded().orElse(Snapshot.EMPTY));
    this.refresher =
        parts.loader().isPresent() && parts.refreshInterval().isPresent()
            ? new Refresher(
                snapshot,
                parts.refreshInterval().get(),
                target.get().describe(),
                parts.loader().get().reloads())
            : null;
  }

  /**
   * What a source is made of: its loader (none for no table), its refresh interval (none for no
   * refresh), its ordinal, its first snapshot (none for no table) and its name.
   */
  private record Parts(
      Optional<TableLoader> loader,
      Optional<Duration> refreshInterval,
      int ordinal,
      Optional<Snapshot> loaded,
      String name) {}

  /** The table of the settings (else of EC2), loaded. */
  private static Parts loaded(Settings settings, Function<Settings, Resolution> fromEc2) {
    Optional<TableLoader> loader = locate(settings, fromEc2);
    return new Parts(
        loader,
        settings.refreshInterval(),
        settings.ordinal(),
        loader.map(TableLoader::load),
        name(settings, loader));
  }

  /** Nothing read, nothing loaded, one DEBUG line: {@code phase} says what Quarkus is doing. */
  private static Parts idle(String phase) {
    LOG.log(
        Level.DEBUG,
        () ->
            "DynamoDB config source idle: "
                + phase
                + "; it reads its settings and loads its table when the application starts");
    return new Parts(
        Optional.empty(),
        Optional.empty(),
        Integer.parseInt(DynamoDbConfigSetting.ORDINAL.defaultValue().orElseThrow()),
        Optional.empty(),
        "DynamoDbConfigSource[idle]");
  }

  private static String name(Settings settings, Optional<TableLoader> loader) {
    return loader
        .map(TableLoader::target)
        .map(
            t ->
                "DynamoDbConfigSource[table="
                    + t.table()
                    + t.role().map(role -> ", role=" + role).orElse("")
                    + "]")
        .orElse(
            settings.enabled()
                ? "DynamoDbConfigSource[no table]"
                : "DynamoDbConfigSource[disabled]");
  }

  /**
   * The loader of the table of the settings, else of EC2; empty for a disabled source or no table
   * (said once in the log, or thrown when the settings require a table).
   */
  private static Optional<TableLoader> locate(
      Settings settings, Function<Settings, Resolution> fromEc2) {
    if (!settings.enabled()) {
      LOG.log(Level.INFO, () -> "DynamoDB config source disabled by " + ENABLED.key() + "=false");
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
    String message = RoleMessages.noTable(settings, resolution);
    if (settings.required(false)) {
      throw new DynamoDbConfigException(message + " (" + REQUIRED.key() + "=true)");
    }
    LOG.log(
        resolution.outcome().needsAttention() ? Level.WARNING : Level.INFO,
        () -> message + "; the DynamoDB config source is empty");
  }

  /**
   * The provider cannot know a table found on EC2: when {@code extra-tables} lists it too, it is
   * served twice, which the user must hear of.
   */
  private static void warnIfAlsoExtra(Settings settings, TableTarget target) {
    settings
        .extraTable(target.table())
        .ifPresent(
            extra ->
                LOG.log(
                    Level.WARNING,
                    () ->
                        "DynamoDB table '"
                            + target.table()
                            + "' ("
                            + target.provenance()
                            + ") is also listed in "
                            + EXTRA_TABLES.key()
                            + ", which is read before any EC2 tag: it is served twice, at"
                            + " ordinals "
                            + settings.ordinal()
                            + " and "
                            + extra.ordinal()
                            + ". Remove it from "
                            + EXTRA_TABLES.key()));
  }

  @Override
  public Map<String, String> getProperties() {
    return snapshot.get().properties();
  }

  @Override
  public Set<String> getPropertyNames() {
    return snapshot.get().names();
  }

  @Override
  public String getValue(String propertyName) {
    return snapshot.get().value(propertyName);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public int getOrdinal() {
    return ordinal;
  }

  /** The table it serves, or null when it serves none. */
  String table() {
    return table;
  }

  /** The current snapshot: names, values and which of them are secret. */
  Snapshot snapshot() {
    return snapshot.get();
  }

  /** The refresher, or null without {@code dynamodb.config.refresh-interval}. */
  Refresher refresher() {
    return refresher;
  }

  /** Stops the periodic refresh, if any. Lookups keep answering from the last snapshot. */
  @Override
  public void close() {
    if (refresher != null) {
      refresher.close();
    }
  }

  /** The name, e.g. {@code DynamoDbConfigSource[table=prod-myapp-config, role=prod-myapp]}. */
  @Override
  public String toString() {
    return name;
  }
}
