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

import java.util.Locale;
import java.util.Optional;

/**
 * The settings of the DynamoDB config source itself: each one's key, default and environment
 * variable, declared in this one place.
 *
 * <p>A setting is read, first found wins, from the system property named {@link #key()}, the
 * environment variable named {@link #environmentVariable()} (MicroProfile Config's mapping: every
 * character that is not a letter or digit becomes {@code _}, then upper case), the key in any
 * {@code META-INF/microprofile-config.properties} on the class path (highest {@code config_ordinal}
 * first), then {@link #defaultValue()}. These settings cannot come from other config sources: the
 * source reads them before the application's {@code Config} exists.
 */
public enum DynamoDbConfigSetting {

  /**
   * {@code false} turns the source off: it is then empty, makes no AWS call and reads no other
   * setting. Accepts {@code true} or {@code false}.
   */
  ENABLED("enabled", "true"),

  /**
   * The environment role, e.g. {@code prod-myapp-website}; the table name is made from it with
   * {@link #TABLE_TEMPLATE}. Not needed when {@link #TABLE} is set. When neither is set, the role
   * is read from the EC2 instance's {@link #ROLE_TAG} tag.
   */
  ROLE("role", null),

  /**
   * The EC2 instance tag whose value is the environment role, read from instance metadata (IMDSv2),
   * else with one {@code ec2:DescribeTags} call, when neither {@link #ROLE} nor {@link #TABLE} is
   * set. A key that instance metadata cannot hold (e.g. with a space or {@code /}) is read with
   * {@code ec2:DescribeTags} only.
   */
  ROLE_TAG("role-tag", "Environment-role"),

  /** The table name. When set, it wins over role resolution: no role is needed. */
  TABLE("table", null),

  /** How the table name is made from the role: {@code {role}} stands for the role. */
  TABLE_TEMPLATE("table-template", "{role}-config"),

  /** The item attribute (the table's hash key, type S) that holds the property name. */
  KEY_ATTRIBUTE("key-attribute", "Parameter"),

  /** The item attribute that holds the property value, of any DynamoDB type. */
  VALUE_ATTRIBUTE("value-attribute", "Value"),

  /** The optional BOOL item attribute that marks a value as secret. */
  SECRET_ATTRIBUTE("secret-attribute", "Secret"),

  /**
   * Declared property names, comma-separated. When set, only these items are read, with {@code
   * BatchGetItem} (100 keys a request); when empty the whole table is read with {@code Scan}.
   */
  KEYS("keys", ""),

  /** {@code true} reads with strong consistency, {@code false} with eventual consistency. */
  CONSISTENT_READ("consistent-read", "true"),

  /**
   * The source's ordinal. The default 270 puts the table above {@code
   * microprofile-config.properties} (100) and below environment variables (300) and system
   * properties (400).
   */
  ORDINAL("ordinal", "270"),

  /**
   * The AWS region of the table, e.g. {@code eu-west-1}. When unset: the region of the AWS SDK's
   * settings ({@code aws.region}, {@code AWS_REGION}, the profile); else, when the role came from
   * the EC2 instance, the instance's region; else the rest of the SDK's default chain.
   */
  REGION("region", null),

  /**
   * The DynamoDB endpoint URL, e.g. {@code http://127.0.0.1:8000} for DynamoDB Local. When unset,
   * the region's AWS endpoint.
   */
  ENDPOINT("endpoint", null),

  /**
   * {@code true}: a table that cannot be found or read fails start-up, and so does finding no table
   * at all. {@code false}: the source is then empty and says so in one WARN line. When unset:
   * {@code true} once a role or table is known, {@code false} when none is.
   */
  REQUIRED("required", null),

  /**
   * Time budget for loading the table, retries included; each request gets the time that is left.
   * An ISO-8601 duration ({@code PT10S}) or a number with unit {@code ms}, {@code s}, {@code m} or
   * {@code h} ({@code 10s}), from 1 ms to 365 days.
   */
  TIMEOUT("timeout", "PT10S"),

  /**
   * Time budget for finding the role on EC2 until instance metadata first answers: off EC2,
   * resolution gives up after at most this long. Once it has answered, {@code ec2:DescribeTags} is
   * bounded by {@link #TIMEOUT}. Same forms as {@link #TIMEOUT}.
   */
  METADATA_TIMEOUT("metadata-timeout", "PT1S"),

  /**
   * What to do with an item the source cannot turn into properties (no value, key not a string,
   * unsupported type, a name that collides with another item's): {@code fail} start-up, or {@code
   * skip} the item with a WARN line naming its key.
   */
  ON_INVALID_ITEM("on-invalid-item", "fail"),

  /**
   * Glob patterns ({@code *} any run of characters, {@code ?} one character), comma-separated,
   * case-insensitive: a property whose name, or whose item's key, matches one is secret.
   */
  SECRET_KEYS("secret-keys", "*pass*,*pwd*,*secret*,*token*,*credential*,*key*"),

  /** Period of the background reload, same forms as {@link #TIMEOUT}; unset: load once. */
  REFRESH_INTERVAL("refresh-interval", null),

  /**
   * For a table with a change stamp: a refresh reads the whole table at least this often even when
   * the stamp says nothing changed, so that a writer that does not keep the stamp is still seen; a
   * stamp left in progress longer than this is taken as abandoned. Same forms as {@link #TIMEOUT}.
   */
  REFRESH_FULL_INTERVAL("refresh-full-interval", "PT15M"),

  /**
   * A file for the last good snapshot (opt-in): written after a good load whose snapshot differs
   * from the file's, or when the file is older than a tenth of {@link #SNAPSHOT_MAX_AGE},
   * atomically and readable by its owner only, and used at start-up when DynamoDB cannot be
   * reached. It holds secret values in plain text, except sealed ones, which it keeps sealed. Each
   * table has its own file: a table of {@link #EXTRA_TABLES} uses this path with {@code .<table>}
   * appended. Unset: nothing is written.
   */
  SNAPSHOT_FILE("snapshot-file", null),

  /** How old the {@link #SNAPSHOT_FILE} may be to start from it; same forms as {@link #TIMEOUT}. */
  SNAPSHOT_MAX_AGE("snapshot-max-age", "PT24H"),

  /**
   * Further tables served by {@link DynamoDbConfigSourceProvider}, comma-separated, each {@code
   * name:ordinal}, or just {@code name} for the {@link #ORDINAL} less one.
   */
  EXTRA_TABLES("extra-tables", ""),

  /**
   * The AWS KMS endpoint URL for opening a table's sealed values. When unset, the region's AWS
   * endpoint.
   */
  KMS_ENDPOINT("kms-endpoint", null),

  /**
   * How long a data key that KMS opened is kept in memory before it is opened again: how long a
   * revoked {@code kms:Decrypt} permission takes to reach a running application. Same forms as
   * {@link #TIMEOUT}.
   */
  DATA_KEY_MAX_AGE("data-key-max-age", "PT1H"),

  /**
   * What a table with a keyring does with a secret value still in plain text: {@code warn} (one
   * WARN line naming the keys, while plain secrets are being sealed) or {@code fail} (the load
   * fails, naming them).
   */
  PLAINTEXT_SECRETS("plaintext-secrets", "warn"),

  /**
   * The AWS Secrets Manager endpoint URL, for items that reference secrets. When unset, the
   * region's AWS endpoint.
   */
  SECRETS_MANAGER_ENDPOINT("secrets-manager-endpoint", null),

  /**
   * How often the secrets that items reference are read again, varied by up to 10 % either way, at
   * a refresh of their table even when the table did not change: how long a rotation takes to reach
   * a running application, at most this plus one refresh interval. Same forms as {@link #TIMEOUT}.
   */
  SECRETS_MANAGER_REFRESH_INTERVAL("secrets-manager-refresh-interval", "PT5M");

  /** The prefix every setting's key starts with. */
  public static final String PREFIX = "dynamodb.config.";

  private final String key;
  private final String defaultValue;

  DynamoDbConfigSetting(String leaf, String defaultValue) {
    this.key = PREFIX + leaf;
    this.defaultValue = defaultValue;
  }

  /**
   * The property key.
   *
   * @return e.g. {@code dynamodb.config.role}
   */
  public String key() {
    return key;
  }

  /**
   * The environment variable that sets it, by MicroProfile Config's mapping.
   *
   * @return e.g. {@code DYNAMODB_CONFIG_ROLE}
   */
  public String environmentVariable() {
    return sanitized(key).toUpperCase(Locale.ROOT);
  }

  /** MicroProfile Config's environment form of a key: every non-alphanumeric becomes {@code _}. */
  static String sanitized(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_");
  }

  /**
   * The default value.
   *
   * @return the default; empty when the setting has none or it is derived (see its description)
   */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }
}
