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

import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The table a source serves, with the role it was made from and where that came from.
 *
 * @param table the DynamoDB table name
 * @param role the environment role, when the table was made from one
 * @param provenance where the table came from, for the load's log line: {@code role 'r' from
 *     setting dynamodb.config.role}, {@code from setting dynamodb.config.table}, or {@code role 'r'
 *     from EC2 tag Environment-role via instance metadata}
 * @param instanceRegion the region of the EC2 instance the role was found on, for the table's
 *     client when no region is configured
 * @param extraTable whether the table is one of {@code dynamodb.config.extra-tables}
 */
record TableTarget(
    String table,
    Optional<String> role,
    String provenance,
    Optional<Region> instanceRegion,
    boolean extraTable) {

  /** The registered source's table, found on an EC2 instance. */
  TableTarget(
      String table, Optional<String> role, String provenance, Optional<Region> instanceRegion) {
    this(table, role, provenance, instanceRegion, false);
  }

  /** The registered source's table, named by the settings: no instance region. */
  TableTarget(String table, Optional<String> role, String provenance) {
    this(table, role, provenance, Optional.empty(), false);
  }

  /** A table of {@code dynamodb.config.extra-tables}. */
  static TableTarget extraTable(String table) {
    return new TableTarget(
        table,
        Optional.empty(),
        "from setting " + DynamoDbConfigSetting.EXTRA_TABLES.key(),
        Optional.empty(),
        true);
  }

  /**
   * The table the settings name, first that answers wins: {@code dynamodb.config.table}, then
   * {@code dynamodb.config.role} with the table template. Empty when neither is set.
   */
  static Optional<TableTarget> fromSettings(Settings settings) {
    if (settings.table().isPresent()) {
      return Optional.of(
          new TableTarget(
              settings.table().get(),
              settings.role(),
              "from setting " + DynamoDbConfigSetting.TABLE.key()));
    }
    return settings
        .role()
        .map(
            role ->
                new TableTarget(
                    settings.tableForRole(role),
                    Optional.of(role),
                    "role '" + role + "' from setting " + DynamoDbConfigSetting.ROLE.key()));
  }

  /**
   * This table's file of {@code dynamodb.config.snapshot-file}: the path as set for the registered
   * source's table, the path with {@code .<table>} appended for a table of {@code extra-tables}, so
   * that every table keeps its own file.
   */
  Optional<Path> snapshotFile(Settings settings) {
    return settings
        .snapshotFile()
        .map(path -> extraTable ? path.resolveSibling(path.getFileName() + "." + table) : path);
  }

  /** For messages: {@code table 'x' (role 'r')}. */
  String describe() {
    return "table '" + table + "'" + role.map(r -> " (role '" + r + "')").orElse("");
  }
}
