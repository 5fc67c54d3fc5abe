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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.Config;
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

  private final String name;
  private final Optional<TableTarget> target;
  private final int ordinal;
  private final ServedSnapshot snapshot;
  private final Optional<Refresher> refresher;
  private final ChangeListeners listeners;

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
    this(SourceFactory.registered());
  }

  /** A source of what {@link SourceFactory} built. */
  DynamoDbConfigSource(SourceParts parts) {
    this.name = parts.name();
    this.target = parts.target();
    this.ordinal = parts.ordinal();
    this.snapshot = parts.snapshot();
    this.refresher = parts.refresher();
    this.listeners = parts.listeners();
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

  /** The table it serves: its name, role and where it came from; empty when it serves none. */
  Optional<TableTarget> target() {
    return target;
  }

  /** The name of the table it serves, or null when it serves none. */
  String table() {
    return target.map(TableTarget::table).orElse(null);
  }

  /** The current snapshot: names, values and which of them are secret. */
  Snapshot snapshot() {
    return snapshot.get();
  }

  /** The refresher, empty without {@code dynamodb.config.refresh-interval}. */
  Optional<Refresher> refresher() {
    return refresher;
  }

  /** Stops the periodic refresh, if any. Lookups keep answering from the last snapshot. */
  @Override
  public void close() {
    refresher.ifPresent(Refresher::close);
  }

  /**
   * Registers {@code listener} to be told about each change this source publishes, on the library's
   * listener threads. Only a source that refreshes publishes changes.
   *
   * @param listener told about each change
   * @return the registration, which ends when closed
   */
  public DynamoDbConfigListener.Registration addChangeListener(DynamoDbConfigListener listener) {
    return addChangeListener(listener, ListenerThreads.shared());
  }

  /**
   * Registers {@code listener} to be told about each change this source publishes, on {@code
   * executor}: one change at a time, the changes published while it was busy as one. An executor
   * that runs a task in the calling thread makes the listener run on the refresh thread, which then
   * waits for it.
   *
   * @param listener told about each change
   * @param executor runs the listener's calls
   * @return the registration, which ends when closed
   */
  public DynamoDbConfigListener.Registration addChangeListener(
      DynamoDbConfigListener listener, Executor executor) {
    return listeners.add(listener, executor);
  }

  /**
   * Registers {@code listener} with every DynamoDB source of {@code config}, the registered one and
   * the extra tables, on the library's listener threads: it is told about the changes of that
   * {@code Config} only.
   *
   * @param config the application's configuration
   * @param listener told about each change of its DynamoDB tables
   * @return one registration for all of them, which ends when closed
   */
  public static DynamoDbConfigListener.Registration addChangeListener(
      Config config, DynamoDbConfigListener listener) {
    return addChangeListener(config, listener, ListenerThreads.shared());
  }

  /**
   * Registers {@code listener} with every DynamoDB source of {@code config}, on {@code executor}.
   *
   * @param config the application's configuration
   * @param listener told about each change of its DynamoDB tables
   * @param executor runs the listener's calls
   * @return one registration for all of them, which ends when closed
   * @see #addChangeListener(DynamoDbConfigListener, Executor)
   */
  public static DynamoDbConfigListener.Registration addChangeListener(
      Config config, DynamoDbConfigListener listener, Executor executor) {
    // One listener for several sources: called one change at a time, as for one source.
    DynamoDbConfigListener oneAtATime =
        new DynamoDbConfigListener() {
          @Override
          public synchronized void onChange(DynamoDbConfigChanged change) {
            listener.onChange(change);
          }

          @Override
          public String toString() {
            return listener.getClass().getName();
          }
        };
    List<DynamoDbConfigListener.Registration> registrations = new ArrayList<>();
    for (DynamoDbConfigSource source : in(config)) {
      registrations.add(source.addChangeListener(oneAtATime, executor));
    }
    return () -> registrations.forEach(DynamoDbConfigListener.Registration::close);
  }

  /** The DynamoDB sources of {@code config}, in its order. */
  static List<DynamoDbConfigSource> in(Config config) {
    List<DynamoDbConfigSource> ours = new ArrayList<>();
    for (ConfigSource source : config.getConfigSources()) {
      if (source instanceof DynamoDbConfigSource dynamoDb) {
        ours.add(dynamoDb);
      }
    }
    return ours;
  }

  /** The name, e.g. {@code DynamoDbConfigSource[table=prod-myapp-config, role=prod-myapp]}. */
  @Override
  public String toString() {
    return name;
  }
}
