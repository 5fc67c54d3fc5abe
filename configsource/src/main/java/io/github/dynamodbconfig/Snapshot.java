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

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The properties of a table at one load, which of them are secret, and the version of the table's
 * change stamp it was read at: an immutable value, read by every lookup with no lock and no
 * allocation.
 */
final class Snapshot {

  static final Snapshot EMPTY = new Snapshot(Map.of(), Set.of());

  private final HashMap<String, String> values;
  private final Map<String, String> properties;
  private final Set<String> names;
  private final Set<String> secrets;
  private final OptionalLong version;
  private final Optional<SealedForms> sealed;
  private final ReferencedSecrets referenced;

  /**
   * @param properties every property name with its value
   * @param secrets the names whose values are secret; names that are not properties are ignored
   */
  Snapshot(Map<String, String> properties, Set<String> secrets) {
    this(new HashMap<>(properties), secrets);
  }

  /**
   * A snapshot that takes {@code properties} over, without a copy: the caller made it for this
   * snapshot and never touches it again.
   */
  static Snapshot adopting(HashMap<String, String> properties, Set<String> secrets) {
    return new Snapshot(properties, secrets);
  }

  private Snapshot(HashMap<String, String> properties, Set<String> secrets) {
    this.values = properties;
    this.properties = Collections.unmodifiableMap(values);
    // One view, kept, so that getPropertyNames() allocates nothing.
    this.names = Collections.unmodifiableSet(values.keySet());
    Set<String> secretProperties = new HashSet<>(secrets);
    secretProperties.retainAll(values.keySet());
    this.secrets = Collections.unmodifiableSet(secretProperties);
    this.version = OptionalLong.empty();
    this.sealed = Optional.empty();
    this.referenced = ReferencedSecrets.NONE;
  }

  private Snapshot(
      Snapshot read,
      OptionalLong version,
      Optional<SealedForms> sealed,
      ReferencedSecrets referenced) {
    this.values = read.values;
    this.properties = read.properties;
    this.names = read.names;
    this.secrets = read.secrets;
    this.version = version;
    this.sealed = sealed;
    this.referenced = referenced;
  }

  /** This snapshot, read at {@code version} of the table's change stamp (empty: none). */
  Snapshot withVersion(OptionalLong version) {
    return new Snapshot(this, version, sealed, referenced);
  }

  /** This snapshot, whose sealed properties the table stores as {@code sealed}. */
  Snapshot withSealed(SealedForms sealed) {
    return new Snapshot(this, version, Optional.of(sealed), referenced);
  }

  /**
   * This snapshot, some of whose properties Secrets Manager secrets gave, as {@code referenced}.
   */
  Snapshot withReferenced(ReferencedSecrets referenced) {
    return new Snapshot(this, version, sealed, referenced);
  }

  /** The properties that Secrets Manager secrets gave, and their references. */
  ReferencedSecrets referenced() {
    return referenced;
  }

  /** How the table stores the sealed properties; empty when it has none. */
  Optional<SealedForms> sealed() {
    return sealed;
  }

  /** The version of the table's change stamp it was read at; empty when unknown or none. */
  OptionalLong version() {
    return version;
  }

  /** The value of {@code name}, or null: a map read, no allocation. */
  String value(String name) {
    return values.get(name);
  }

  /** Every property name with its value, unmodifiable. */
  Map<String, String> properties() {
    return properties;
  }

  /** The property names, unmodifiable. */
  Set<String> names() {
    return names;
  }

  /** The names whose values are secret, unmodifiable. */
  Set<String> secrets() {
    return secrets;
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** The value to print for {@code name}: the value, or {@code ***} when it is secret. */
  String printable(String name) {
    return SecretMatcher.printable(values.get(name), secrets.contains(name));
  }

  /** The names added, changed and removed in {@code next}; never the values. */
  Changes changesIn(Snapshot next) {
    Set<String> added = new TreeSet<>();
    Set<String> changed = new TreeSet<>();
    Set<String> removed = new TreeSet<>();
    for (String name : names) {
      String now = next.values.get(name);
      if (now == null) {
        removed.add(name);
      } else if (!now.equals(values.get(name))) {
        changed.add(name);
      }
    }
    for (String name : next.names) {
      if (!values.containsKey(name)) {
        added.add(name);
      }
    }
    return new Changes(added, changed, removed);
  }

  /** The names one snapshot added, changed and removed against another, each set sorted. */
  record Changes(Set<String> added, Set<String> changed, Set<String> removed) {

    boolean isEmpty() {
      return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** Every name, sorted. */
    Set<String> all() {
      Set<String> all = new TreeSet<>(added);
      all.addAll(changed);
      all.addAll(removed);
      return all;
    }
  }

  /**
   * Equal when the properties and the secret names are, whatever the versions, the forms and the
   * references.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Snapshot that
        && that.values.equals(values)
        && that.secrets.equals(secrets);
  }

  @Override
  public int hashCode() {
    return values.hashCode() * 31 + secrets.hashCode();
  }

  /** Names and printable values: secret values as {@code ***}. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "Snapshot{", "}");
    for (String name : new TreeSet<>(names)) {
      text.add(name + "=" + printable(name));
    }
    return text.toString();
  }
}
