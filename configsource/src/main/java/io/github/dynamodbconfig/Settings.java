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

import static io.github.dynamodbconfig.DynamoDbConfigSetting.TABLE_TEMPLATE;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The source's own settings, parsed and checked by {@code SettingsParser}; one component per {@link
 * DynamoDbConfigSetting}.
 *
 * @param requiredSetting the value of {@code dynamodb.config.required} when set; {@link
 *     #required(boolean)} applies its default
 */
record Settings(
    boolean enabled,
    Optional<String> role,
    String roleTag,
    Optional<String> table,
    String tableTemplate,
    ItemLayout layout,
    List<String> keys,
    boolean consistentRead,
    int ordinal,
    Optional<String> region,
    Optional<URI> endpoint,
    Optional<Boolean> requiredSetting,
    Duration timeout,
    Duration metadataTimeout,
    InvalidItemPolicy onInvalidItem,
    SecretMatcher secretKeys,
    Optional<Duration> refreshInterval,
    Duration refreshFullInterval,
    Optional<Path> snapshotFile,
    Duration snapshotMaxAge,
    List<ExtraTable> extraTables,
    Optional<URI> kmsEndpoint,
    Duration dataKeyMaxAge,
    boolean failOnPlaintextSecrets,
    Optional<URI> secretsManagerEndpoint,
    Duration secretsManagerRefreshInterval) {

  /** The role placeholder of {@link DynamoDbConfigSetting#TABLE_TEMPLATE}. */
  static final String ROLE_PLACEHOLDER = "{role}";

  /** DynamoDB's rule for table names, as messages state it. */
  static final String TABLE_NAME_RULE = "3 to 255 of A-Z a-z 0-9 _ . -";

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

  /** A further table of the provider. */
  record ExtraTable(String table, int ordinal) {}

  /** What happens to an item that cannot be turned into properties. */
  enum InvalidItemPolicy {
    FAIL,
    SKIP
  }

  Settings {
    keys = List.copyOf(keys);
    extraTables = List.copyOf(extraTables);
  }

  /** True when {@code name} is a valid DynamoDB table name. */
  static boolean isTableName(String name) {
    return TABLE_NAME.matcher(name).matches();
  }

  /**
   * Whether a table that cannot be loaded, or finding no table at all, fails start-up: {@code
   * dynamodb.config.required} when set, else true exactly when a table is known.
   */
  boolean required(boolean tableKnown) {
    return requiredSetting.orElse(tableKnown);
  }

  /**
   * The table name made from {@code role} with the template.
   *
   * @throws DynamoDbConfigException when that is not a valid table name
   */
  String tableForRole(String role) {
    String table = tableTemplate.replace(ROLE_PLACEHOLDER, role);
    if (!isTableName(table)) {
      throw SettingsMessages.INVALID_ROLE_TABLE.exception(
          null,
          MessageText.quoted(table),
          MessageText.quoted(role),
          TABLE_TEMPLATE.key(),
          tableTemplate,
          TABLE_NAME_RULE);
    }
    return table;
  }

  /** The entry of {@code dynamodb.config.extra-tables} for {@code table}, if it lists it. */
  Optional<ExtraTable> extraTable(String table) {
    return extraTables.stream().filter(extra -> extra.table().equals(table)).findFirst();
  }
}
