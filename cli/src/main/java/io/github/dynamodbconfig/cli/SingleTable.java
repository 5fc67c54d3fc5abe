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
package io.github.dynamodbconfig.cli;

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.DynamoDbConfigSetting;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The one table of a command: {@code --role ROLE} or {@code --table NAME}, and how to reach it. */
final class SingleTable {

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description = "Environment role; the table is named by --table-template")
  String role;

  @Option(names = "--table", paramLabel = "NAME", description = "Table name, instead of a role")
  String table;

  @Mixin TableOptions options;

  /** The table the options name. */
  ConfigTable open() {
    if (role != null && table != null) {
      throw new CliException(UsageMessages.ROLE_AND_TABLE);
    }
    if (role != null) {
      return options.role(role);
    }
    if (table != null) {
      return options.table(table);
    }
    // As the library: dynamodb.config.table or .role from system properties or the environment.
    if (!options.tableOrRoleConfigured()) {
      throw new CliException(
          UsageMessages.NO_TABLE,
          DynamoDbConfigSetting.ROLE.key(),
          DynamoDbConfigSetting.TABLE.key());
    }
    return options.configured();
  }
}
