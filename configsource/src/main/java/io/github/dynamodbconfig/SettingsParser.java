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

import static io.github.dynamodbconfig.DynamoDbConfigSetting.CONSISTENT_READ;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.DATA_KEY_MAX_AGE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.ENABLED;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.ENDPOINT;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.EXTRA_TABLES;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.KEYS;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.KEY_ATTRIBUTE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.KMS_ENDPOINT;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.METADATA_TIMEOUT;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.ON_INVALID_ITEM;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.ORDINAL;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.PLAINTEXT_SECRETS;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.REFRESH_FULL_INTERVAL;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.REFRESH_INTERVAL;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.REGION;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.REQUIRED;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.ROLE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.ROLE_TAG;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.SECRETS_MANAGER_ENDPOINT;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.SECRETS_MANAGER_REFRESH_INTERVAL;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.SECRET_ATTRIBUTE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.SECRET_KEYS;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.SNAPSHOT_FILE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.SNAPSHOT_MAX_AGE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.TABLE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.TABLE_TEMPLATE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.TIMEOUT;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.VALUE_ATTRIBUTE;

import io.github.dynamodbconfig.Settings.ExtraTable;
import io.github.dynamodbconfig.Settings.InvalidItemPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw setting values into {@link Settings}: each kind of value parsed and checked once, each
 * error naming the setting, its value and what it accepts.
 */
final class SettingsParser {

  private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
  private static final Duration MIN_DURATION = Duration.ofMillis(1);
  private static final Duration MAX_DURATION = Duration.ofDays(365);
  private static final String DURATION_FORMS =
      "an ISO-8601 duration such as PT10S or PT0.5S, or a number with unit ms, s, m or h such as"
          + " 500ms or 10s";

  private final Function<String, String> lookup;

  private SettingsParser(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  /**
   * Reads every setting through {@code lookup}. A disabled source reads no other setting: a bad
   * value of one cannot stop an application that turned the source off.
   */
  static Settings read(Function<String, String> lookup) {
    boolean enabled = new SettingsParser(lookup).bool(ENABLED);
    return new SettingsParser(enabled ? lookup : key -> null).parse(enabled);
  }

  private Settings parse(boolean enabled) {
    int ordinal = integer(ORDINAL);
    return new Settings(
        enabled,
        optional(ROLE),
        nonEmpty(ROLE_TAG),
        optional(TABLE).map(table -> tableName(TABLE, table, table)),
        template(),
        new ItemLayout(
            nonEmpty(KEY_ATTRIBUTE),
            distinctFrom(VALUE_ATTRIBUTE, KEY_ATTRIBUTE),
            distinctFrom(SECRET_ATTRIBUTE, KEY_ATTRIBUTE, VALUE_ATTRIBUTE)),
        list(KEYS),
        bool(CONSISTENT_READ),
        ordinal,
        optional(REGION).map(SettingsParser::region),
        optional(ENDPOINT).map(value -> endpoint(ENDPOINT, value)),
        optional(REQUIRED).map(value -> parseBoolean(REQUIRED, value)),
        duration(TIMEOUT).orElseThrow(),
        duration(METADATA_TIMEOUT).orElseThrow(),
        policy(),
        SecretMatcher.of(list(SECRET_KEYS)),
        duration(REFRESH_INTERVAL),
        duration(REFRESH_FULL_INTERVAL).orElseThrow(),
        optional(SNAPSHOT_FILE).map(SettingsParser::snapshotFile),
        duration(SNAPSHOT_MAX_AGE).orElseThrow(),
        extraTables(ordinal),
        optional(KMS_ENDPOINT).map(value -> endpoint(KMS_ENDPOINT, value)),
        duration(DATA_KEY_MAX_AGE).orElseThrow(),
        failOnPlaintextSecrets(),
        optional(SECRETS_MANAGER_ENDPOINT).map(value -> endpoint(SECRETS_MANAGER_ENDPOINT, value)),
        duration(SECRETS_MANAGER_REFRESH_INTERVAL).orElseThrow());
  }

  static DynamoDbConfigException invalid(String setting, String value, String accepted) {
    return SettingsMessages.INVALID.exception(null, setting, value, accepted);
  }

  /** The trimmed value, or the default; blank counts as unset (MicroProfile: empty is missing). */
  private Optional<String> optional(DynamoDbConfigSetting setting) {
    String value = lookup.apply(setting.key());
    if (value == null || value.isBlank()) {
      return setting.defaultValue();
    }
    return Optional.of(value.trim());
  }

  private String nonEmpty(DynamoDbConfigSetting setting) {
    return optional(setting).orElseThrow(() -> invalid(setting.key(), "", "a non-empty value"));
  }

  /** An attribute name that differs from those of {@code others}. */
  private String distinctFrom(DynamoDbConfigSetting setting, DynamoDbConfigSetting... others) {
    String value = nonEmpty(setting);
    for (DynamoDbConfigSetting other : others) {
      if (value.equals(nonEmpty(other))) {
        throw invalid(setting.key(), value, "an attribute name other than that of " + other.key());
      }
    }
    return value;
  }

  private boolean bool(DynamoDbConfigSetting setting) {
    return parseBoolean(setting, nonEmpty(setting));
  }

  private static boolean parseBoolean(DynamoDbConfigSetting setting, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(setting.key(), value, "true or false");
    };
  }

  private int integer(DynamoDbConfigSetting setting) {
    String value = nonEmpty(setting);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(setting.key(), value, "an integer such as 270");
    }
  }

  private Optional<Duration> duration(DynamoDbConfigSetting setting) {
    return optional(setting).map(value -> duration(setting, value));
  }

  private static Duration duration(DynamoDbConfigSetting setting, String value) {
    Duration duration;
    Matcher matcher = SHORT_DURATION.matcher(value);
    try {
      duration = matcher.matches() ? shortDuration(matcher) : Duration.parse(value);
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw invalid(setting.key(), value, DURATION_FORMS);
    }
    // Under a millisecond: a timer of 0 ms means "no timeout" to the HTTP client, and a schedule
    // of 0 ms cannot be made.
    if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
      throw invalid(setting.key(), value, "a duration from 1 ms to 365 days: " + DURATION_FORMS);
    }
    return duration;
  }

  private static Duration shortDuration(Matcher matcher) {
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  private List<String> list(DynamoDbConfigSetting setting) {
    String value = optional(setting).orElse("");
    if (value.isBlank()) {
      return List.of();
    }
    Set<String> elements = new LinkedHashSet<>();
    for (String element : value.split(",", -1)) {
      String trimmed = element.trim();
      if (trimmed.isEmpty()) {
        throw invalid(setting.key(), value, "a comma-separated list without empty elements");
      }
      if (!elements.add(trimmed)) {
        throw invalid(
            setting.key(), value, "a comma-separated list that names '" + trimmed + "' once");
      }
    }
    return List.copyOf(elements);
  }

  private String template() {
    String template = nonEmpty(TABLE_TEMPLATE);
    if (!template.contains(Settings.ROLE_PLACEHOLDER)) {
      throw invalid(
          TABLE_TEMPLATE.key(),
          template,
          "a table name pattern containing "
              + Settings.ROLE_PLACEHOLDER
              + ", such as {role}-config");
    }
    return template;
  }

  private InvalidItemPolicy policy() {
    String value = nonEmpty(ON_INVALID_ITEM);
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "fail" -> InvalidItemPolicy.FAIL;
      case "skip" -> InvalidItemPolicy.SKIP;
      default -> throw invalid(ON_INVALID_ITEM.key(), value, "fail or skip");
    };
  }

  private boolean failOnPlaintextSecrets() {
    String value = nonEmpty(PLAINTEXT_SECRETS);
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "warn" -> false;
      case "fail" -> true;
      default -> throw invalid(PLAINTEXT_SECRETS.key(), value, "warn or fail");
    };
  }

  private List<ExtraTable> extraTables(int defaultOrdinal) {
    List<ExtraTable> tables = new ArrayList<>();
    String value = optional(EXTRA_TABLES).orElse("");
    for (String entry : list(EXTRA_TABLES)) {
      int colon = entry.lastIndexOf(':');
      String table =
          tableName(EXTRA_TABLES, value, colon < 0 ? entry : entry.substring(0, colon).trim());
      int ordinal = defaultOrdinal - 1;
      if (colon >= 0) {
        try {
          ordinal = Integer.parseInt(entry.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
          throw invalid(EXTRA_TABLES.key(), value, "entries name:ordinal with an integer ordinal");
        }
      }
      if (tables.stream().anyMatch(other -> other.table().equals(table))) {
        throw invalid(EXTRA_TABLES.key(), value, "each table once; '" + table + "' is repeated");
      }
      tables.add(new ExtraTable(table, ordinal));
    }
    return tables;
  }

  /** {@code table}, a table name found in {@code value} of {@code setting}. */
  private static String tableName(DynamoDbConfigSetting setting, String value, String table) {
    if (!Settings.isTableName(table)) {
      throw invalid(
          setting.key(),
          value,
          (setting == EXTRA_TABLES
                  ? "entries name:ordinal whose names are DynamoDB table names ("
                  : "a DynamoDB table name (")
              + Settings.TABLE_NAME_RULE
              + ")");
    }
    return table;
  }

  private static Path snapshotFile(String value) {
    try {
      Path path = Path.of(value);
      if (path.getFileName() != null) {
        return path;
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    throw invalid(SNAPSHOT_FILE.key(), value, "a file path such as /var/lib/myapp/config.snapshot");
  }

  private static String region(String region) {
    if (!REGION_NAME.matcher(region).matches()) {
      throw invalid(
          REGION.key(),
          region,
          "an AWS region name such as eu-west-1 (lower-case letters, digits and -)");
    }
    return region;
  }

  /** An http or https URL; user info is masked in the message, it may hold a password. */
  private static URI endpoint(DynamoDbConfigSetting setting, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw invalid(
        setting.key(),
        value.replaceAll("//[^/@]*@", "//***@"),
        "an http or https URL such as http://127.0.0.1:8000");
  }
}
