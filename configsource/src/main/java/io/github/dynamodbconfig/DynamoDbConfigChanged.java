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

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A change that a refresh of a DynamoDB source published: which table, and the names of the
 * properties added, changed and removed, never their values (for secrets neither). An immutable
 * value, given to each {@link DynamoDbConfigListener} and, in a CDI container, fired as a CDI event
 * to the application's observers, e.g. {@code void onChange(@Observes DynamoDbConfigChanged
 * change)}.
 *
 * <p>When a listener was still busy with an earlier change, the changes published meanwhile reach
 * it as one: a name is then {@linkplain #added() added} when it was absent before the first of them
 * and present after the last, {@linkplain #removed() removed} the other way round, {@linkplain
 * #changed() changed} when it was present before and after (its value may have come back to where
 * it was), and left out when it was absent before and after.
 */
public final class DynamoDbConfigChanged {

  private final String table;
  private final Optional<String> role;
  private final SortedSet<String> added;
  private final SortedSet<String> changed;
  private final SortedSet<String> removed;
  private final OptionalLong version;
  private final Instant time;

  DynamoDbConfigChanged(
      String table,
      Optional<String> role,
      Set<String> added,
      Set<String> changed,
      Set<String> removed,
      OptionalLong version,
      Instant time) {
    this.table = Objects.requireNonNull(table, "table");
    this.role = Objects.requireNonNull(role, "role");
    this.added = sorted(added);
    this.changed = sorted(changed);
    this.removed = sorted(removed);
    this.version = Objects.requireNonNull(version, "version");
    this.time = Objects.requireNonNull(time, "time");
  }

  private static SortedSet<String> sorted(Set<String> names) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(names));
  }

  /**
   * The name of the DynamoDB table that changed.
   *
   * @return the table's name
   */
  public String table() {
    return table;
  }

  /**
   * The environment role the table was found by.
   *
   * @return the role; empty for a table named in the settings
   */
  public Optional<String> role() {
    return role;
  }

  /**
   * The properties the change added.
   *
   * @return their names, sorted
   */
  public SortedSet<String> added() {
    return added;
  }

  /**
   * The properties that have another value now.
   *
   * @return their names, sorted
   */
  public SortedSet<String> changed() {
    return changed;
  }

  /**
   * The properties the change removed.
   *
   * @return their names, sorted
   */
  public SortedSet<String> removed() {
    return removed;
  }

  /**
   * Every property the change touched: added, changed and removed.
   *
   * @return their names, sorted
   */
  public SortedSet<String> names() {
    SortedSet<String> all = new TreeSet<>(added);
    all.addAll(changed);
    all.addAll(removed);
    return Collections.unmodifiableSortedSet(all);
  }

  /**
   * Whether the change added, changed or removed a property.
   *
   * @param name the property's name
   * @return true when the change touched it
   */
  public boolean touches(String name) {
    return added.contains(name) || changed.contains(name) || removed.contains(name);
  }

  /**
   * Whether the change added, changed or removed any of some properties.
   *
   * @param names the properties' names
   * @return true when the change touched one of them
   */
  public boolean touchesAny(Set<String> names) {
    for (String name : names) {
      if (touches(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The version of the table's change stamp that the source serves now, which the operator's tool
   * raises with every change.
   *
   * @return the version; empty for a table without a change stamp
   */
  public OptionalLong version() {
    return version;
  }

  /**
   * When the source published the change.
   *
   * @return the time
   */
  public Instant time() {
    return time;
  }

  /**
   * This change followed by {@code later}, of the same table, as one change: from the state before
   * this one to the state after {@code later}, with {@code later}'s version and time.
   */
  DynamoDbConfigChanged then(DynamoDbConfigChanged later) {
    Set<String> nowAdded = new TreeSet<>();
    Set<String> nowChanged = new TreeSet<>();
    Set<String> nowRemoved = new TreeSet<>();
    Set<String> touched = new TreeSet<>(names());
    touched.addAll(later.names());
    for (String name : touched) {
      boolean before = touches(name) ? !added.contains(name) : !later.added.contains(name);
      boolean after = later.touches(name) ? !later.removed.contains(name) : !removed.contains(name);
      if (before && after) {
        nowChanged.add(name);
      } else if (after) {
        nowAdded.add(name);
      } else if (before) {
        nowRemoved.add(name);
      }
    }
    return new DynamoDbConfigChanged(
        table, role, nowAdded, nowChanged, nowRemoved, later.version, later.time);
  }

  /** Equal when every part is. */
  @Override
  public boolean equals(Object other) {
    return other instanceof DynamoDbConfigChanged that
        && table.equals(that.table)
        && role.equals(that.role)
        && added.equals(that.added)
        && changed.equals(that.changed)
        && removed.equals(that.removed)
        && version.equals(that.version)
        && time.equals(that.time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, role, added, changed, removed, version, time);
  }

  /**
   * E.g. {@code DynamoDbConfigChanged[table=prod-myapp-config, role=prod-myapp, added=[],
   * changed=[db_host], removed=[], version=42, time=2026-12-07T16:24:05.455Z]}.
   */
  @Override
  public String toString() {
    return "DynamoDbConfigChanged[table="
        + table
        + role.map(r -> ", role=" + r).orElse("")
        + ", added="
        + added
        + ", changed="
        + changed
        + ", removed="
        + removed
        + (version.isPresent() ? ", version=" + version.getAsLong() : "")
        + ", time="
        + time
        + "]";
  }
}
