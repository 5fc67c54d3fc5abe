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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * The report of table values that another source overrides, logged once an application has started
 * in a CDI container, e.g. {@code db_host: DynamoDB value overridden by SysPropConfigSource
 * (ordinal 400); table 'prod-myapp-config' has 'db.internal', the application gets 'localhost'}.
 * Secret values are shown as {@code ***}, the overriding value too.
 */
final class OverrideReport {

  private OverrideReport() {}

  /** Logs the report of {@code config}: one INFO line per overridden value. */
  static void log(Config config) {
    List<String> lines = overrides(config);
    lines.forEach(line -> ExtensionMessages.LOGGER.log(ExtensionMessages.OVERRIDDEN.level(), line));
    if (lines.isEmpty() && !DynamoDbConfigSource.in(config).isEmpty()) {
      ExtensionMessages.log(ExtensionMessages.NONE_OVERRIDDEN);
    }
  }

  /**
   * One line per property of a DynamoDB source of {@code config} whose value the application gets
   * from another source, by source then property name. A name is masked on both sides when any
   * DynamoDB source of {@code config} holds it as a secret; the values are shown raw, before
   * property expressions are expanded, so an expression never prints what it expands to. A name
   * whose lookup fails (an expression that cannot be expanded, a locked secret key) is left out:
   * the report never fails a deployment, and the failure's message may quote part of the value.
   */
  static List<String> overrides(Config config) {
    // Each source's snapshot read once: a refresh meanwhile cannot mix two of them.
    Map<DynamoDbConfigSource, Snapshot> snapshots = new LinkedHashMap<>();
    Set<String> secrets = new HashSet<>();
    for (DynamoDbConfigSource source : DynamoDbConfigSource.in(config)) {
      Snapshot snapshot = source.snapshot();
      snapshots.put(source, snapshot);
      secrets.addAll(snapshot.secrets());
    }
    List<String> lines = new ArrayList<>();
    for (Map.Entry<DynamoDbConfigSource, Snapshot> entry : snapshots.entrySet()) {
      DynamoDbConfigSource source = entry.getKey();
      Snapshot snapshot = entry.getValue();
      for (String name : new TreeSet<>(snapshot.names())) {
        ConfigValue effective;
        try {
          effective = config.getConfigValue(name);
        } catch (RuntimeException e) {
          ExtensionMessages.log(
              ExtensionMessages.NOT_COMPARED,
              name,
              MessageText.quoted(source.table()),
              e.getClass().getName());
          continue;
        }
        String winner = effective.getSourceName();
        if (winner == null || winner.equals(source.getName())) {
          continue;
        }
        boolean secret = secrets.contains(name);
        lines.add(
            ExtensionMessages.OVERRIDDEN.format(
                name,
                winner,
                effective.getSourceOrdinal(),
                MessageText.quoted(source.table()),
                printable(snapshot.properties().get(name), secret),
                printable(effective.getRawValue(), secret)));
      }
    }
    return lines;
  }

  private static String printable(String value, boolean secret) {
    return SecretMatcher.printable(value == null ? "no value" : "'" + value + "'", secret);
  }
}
