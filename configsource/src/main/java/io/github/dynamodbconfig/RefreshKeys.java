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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which properties each refresh-scoped bean class injects, as read from its injection points when
 * the CDI container was built: a bean is made again after a change of one of them. A class that
 * injects {@code Config}, {@code @ConfigProperties} or a config mapping reads properties that
 * cannot be known: it is made again after any change, as is a class this map does not hold.
 */
final class RefreshKeys {

  /** Stands for "any property" in a class's keys. */
  static final String ANY = "*";

  /** Keys of no class: every bean is made again after any change. */
  static final RefreshKeys UNKNOWN = new RefreshKeys(Map.of());

  private static final String SEPARATOR = "\n";

  private final Map<String, Set<String>> keysByClass;

  private RefreshKeys(Map<String, Set<String>> keysByClass) {
    this.keysByClass = keysByClass;
  }

  /** Of {@code keysByClass}: bean class name to the property names it injects, or {@link #ANY}. */
  static RefreshKeys of(Map<String, Set<String>> keysByClass) {
    Map<String, Set<String>> copy = new TreeMap<>();
    keysByClass.forEach(
        (type, keys) ->
            copy.put(
                type,
                keys.contains(ANY)
                    ? Set.of(ANY)
                    : Collections.unmodifiableSet(new TreeSet<>(keys))));
    return new RefreshKeys(Collections.unmodifiableMap(copy));
  }

  /** Read back from {@link #encoded()}. */
  static RefreshKeys decoded(String[] entries) {
    Map<String, Set<String>> keysByClass = new TreeMap<>();
    for (String entry : entries) {
      List<String> parts = Arrays.asList(entry.split(SEPARATOR, -1));
      keysByClass.put(parts.get(0), new TreeSet<>(parts.subList(1, parts.size())));
    }
    return of(keysByClass);
  }

  /** One string per class, its name then its keys, as a synthetic bean's parameter carries it. */
  String[] encoded() {
    List<String> entries = new ArrayList<>();
    keysByClass.forEach(
        (type, keys) -> {
          List<String> parts = new ArrayList<>();
          parts.add(type);
          parts.addAll(keys);
          entries.add(String.join(SEPARATOR, parts));
        });
    return entries.toArray(String[]::new);
  }

  /**
   * Whether a bean of {@code beanClass} (null: unknown) is made again after {@code change}, with
   * {@code reported} the keys read from the injection points its container reports at run time
   * (empty: none reported), which add to those read at build time. A class known neither way is
   * made again after any change.
   */
  boolean affects(String beanClass, Set<String> reported, DynamoDbConfigChanged change) {
    Set<String> built = beanClass == null ? null : keysByClass.get(beanClass);
    if (built == null && reported.isEmpty()) {
      return !change.names().isEmpty();
    }
    Set<String> keys = new TreeSet<>(reported);
    if (built != null) {
      keys.addAll(built);
    }
    return keys.contains(ANY) ? !change.names().isEmpty() : change.touchesAny(keys);
  }

  /** Bean class names with their keys. */
  @Override
  public String toString() {
    return keysByClass.toString();
  }
}
