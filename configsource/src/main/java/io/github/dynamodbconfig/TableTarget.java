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
 */
record TableTarget(
    String table, Optional<String> role, String provenance, Optional<Region> instanceRegion) {

  /** A target of the settings: no instance region. */
  TableTarget(String table, Optional<String> role, String provenance) {
    this(table, role, provenance, Optional.empty());
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

  /** For messages: {@code table 'x' (role 'r')}. */
  String describe() {
    return "table '" + table + "'" + role.map(r -> " (role '" + r + "')").orElse("");
  }
}
