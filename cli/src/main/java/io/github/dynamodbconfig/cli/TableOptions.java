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
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How every command finds its table, by the library's own rules: {@code --role} (through {@code
 * table-template}) or {@code --table}, region, endpoint, AWS profile and attribute names; what is
 * not given on the command line comes from the {@code dynamodb.config.*} system properties and
 * {@code DYNAMODB_CONFIG_*} environment variables, then the AWS SDK's chains.
 */
final class TableOptions {

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "AWS region (default: dynamodb.config.region, then the AWS SDK's chain)")
  String region;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "DynamoDB endpoint, e.g. http://127.0.0.1:8000 for DynamoDB Local")
  String endpoint;

  @Option(
      names = "--kms-endpoint",
      paramLabel = "URL",
      description = "AWS KMS endpoint, for a table with sealed values; default: the region's")
  String kmsEndpoint;

  @Option(
      names = "--secrets-manager-endpoint",
      paramLabel = "URL",
      description =
          "AWS Secrets Manager endpoint, for a table whose items reference secrets; default: the"
              + " region's")
  String secretsManagerEndpoint;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description = "AWS profile of the shared config and credentials files")
  String profile;

  @Option(
      names = "--table-template",
      paramLabel = "TEMPLATE",
      description = "Table name of a role, with {role} (default: {role}-config)")
  String tableTemplate;

  @Option(
      names = "--key-attribute",
      paramLabel = "NAME",
      description = "Attribute of an item's key (default: Parameter)")
  String keyAttribute;

  @Option(
      names = "--value-attribute",
      paramLabel = "NAME",
      description = "Attribute of an item's value (default: Value)")
  String valueAttribute;

  @Option(
      names = "--secret-attribute",
      paramLabel = "NAME",
      description = "BOOL attribute that marks an item secret (default: Secret)")
  String secretAttribute;

  @Option(
      names = "--secret-keys",
      paramLabel = "GLOBS",
      description = "Comma-separated globs of secret keys (default: the library's)")
  String secretKeys;

  /**
   * The table {@code name} names: {@code table:NAME} is a table, anything else a role.
   *
   * @throws io.github.dynamodbconfig.DynamoDbConfigException when a setting is invalid
   */
  ConfigTable named(String name) {
    return name.startsWith("table:") ? table(name.substring("table:".length())) : role(name);
  }

  ConfigTable role(String role) {
    return open(DynamoDbConfigSetting.ROLE, role);
  }

  ConfigTable table(String table) {
    return open(DynamoDbConfigSetting.TABLE, table);
  }

  /** The table of {@code dynamodb.config.table} or {@code .role}, set outside the command line. */
  ConfigTable configured() {
    return open(null, null);
  }

  /** Whether {@code dynamodb.config.table} or {@code .role} is set outside the command line. */
  boolean tableOrRoleConfigured() {
    for (DynamoDbConfigSetting setting :
        new DynamoDbConfigSetting[] {DynamoDbConfigSetting.TABLE, DynamoDbConfigSetting.ROLE}) {
      String value =
          System.getProperty(setting.key(), System.getenv(setting.environmentVariable()));
      if (value != null && !value.isBlank()) {
        return true;
      }
    }
    return false;
  }

  private ConfigTable open(DynamoDbConfigSetting which, String name) {
    if (profile != null) {
      // The AWS SDK's own setting: its profile files and credentials chain read it.
      System.setProperty("aws.profile", profile);
    }
    Map<String, String> settings = new HashMap<>();
    if (which != null) {
      settings.put(which.key(), name);
    }
    if (which == DynamoDbConfigSetting.ROLE) {
      // A table set in the environment must not win over the role given here.
      settings.put(DynamoDbConfigSetting.TABLE.key(), "");
    }
    put(settings, DynamoDbConfigSetting.REGION, region);
    put(settings, DynamoDbConfigSetting.ENDPOINT, endpoint);
    put(settings, DynamoDbConfigSetting.KMS_ENDPOINT, kmsEndpoint);
    put(settings, DynamoDbConfigSetting.SECRETS_MANAGER_ENDPOINT, secretsManagerEndpoint);
    put(settings, DynamoDbConfigSetting.TABLE_TEMPLATE, tableTemplate);
    put(settings, DynamoDbConfigSetting.KEY_ATTRIBUTE, keyAttribute);
    put(settings, DynamoDbConfigSetting.VALUE_ATTRIBUTE, valueAttribute);
    put(settings, DynamoDbConfigSetting.SECRET_ATTRIBUTE, secretAttribute);
    put(settings, DynamoDbConfigSetting.SECRET_KEYS, secretKeys);
    return ConfigTable.fromSettings(settings);
  }

  private static void put(Map<String, String> settings, DynamoDbConfigSetting key, String value) {
    if (value != null) {
      settings.put(key.key(), value);
    }
  }
}
