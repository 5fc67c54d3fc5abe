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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  private static Settings settings(Map<String, String> values) {
    return SettingsParser.read(values::get);
  }

  @Test
  void defaults_matchTheDesign() {
    Settings settings = settings(Map.of());
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.role()).isEmpty();
    assertThat(settings.roleTag()).isEqualTo("Environment-role");
    assertThat(settings.table()).isEmpty();
    assertThat(settings.tableTemplate()).isEqualTo("{role}-config");
    assertThat(settings.layout().keyAttribute()).isEqualTo("Parameter");
    assertThat(settings.layout().valueAttribute()).isEqualTo("Value");
    assertThat(settings.layout().secretAttribute()).isEqualTo("Secret");
    assertThat(settings.keys()).isEmpty();
    assertThat(settings.consistentRead()).isTrue();
    assertThat(settings.ordinal()).isEqualTo(270);
    assertThat(settings.region()).isEmpty();
    assertThat(settings.endpoint()).isEmpty();
    assertThat(settings.requiredSetting()).isEmpty();
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.metadataTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.onInvalidItem()).isEqualTo(Settings.InvalidItemPolicy.FAIL);
    assertThat(settings.refreshInterval()).isEmpty();
    assertThat(settings.extraTables()).isEmpty();
  }

  @Test
  void defaultSecretKeys_coverTheDesignsPatterns() {
    SecretMatcher secrets = settings(Map.of()).secretKeys();
    assertThat(
            List.of(
                "db_pass",
                "DB_PASSWORD",
                "admin_pwd",
                "client.secret",
                "api_token",
                "aws_credentials",
                "api_key",
                "ssh.KeyFile"))
        .allMatch(secrets::matches);
    assertThat(List.of("db_host", "db_port", "db_user", "debug")).noneMatch(secrets::matches);
  }

  @Test
  void values_areParsed() {
    Settings settings =
        settings(
            Map.ofEntries(
                Map.entry("dynamodb.config.role", " prod-myapp "),
                Map.entry("dynamodb.config.keys", "db_host, db_port"),
                Map.entry("dynamodb.config.consistent-read", "FALSE"),
                Map.entry("dynamodb.config.ordinal", "-5"),
                Map.entry("dynamodb.config.region", "eu-west-1"),
                Map.entry("dynamodb.config.endpoint", "http://127.0.0.1:8000"),
                Map.entry("dynamodb.config.required", "false"),
                Map.entry("dynamodb.config.timeout", "500ms"),
                Map.entry("dynamodb.config.metadata-timeout", "PT0.25S"),
                Map.entry("dynamodb.config.on-invalid-item", "Skip"),
                Map.entry("dynamodb.config.secret-keys", "db_user"),
                Map.entry("dynamodb.config.refresh-interval", "5m"),
                Map.entry("dynamodb.config.extra-tables", "common-config:250, shared-config")));
    assertThat(settings.role()).contains("prod-myapp");
    assertThat(settings.keys()).containsExactly("db_host", "db_port");
    assertThat(settings.consistentRead()).isFalse();
    assertThat(settings.ordinal()).isEqualTo(-5);
    assertThat(settings.region()).contains("eu-west-1");
    assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:8000"));
    assertThat(settings.requiredSetting()).contains(false);
    assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.metadataTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.onInvalidItem()).isEqualTo(Settings.InvalidItemPolicy.SKIP);
    assertThat(settings.secretKeys().matches("DB_USER")).isTrue();
    assertThat(settings.secretKeys().matches("db_pass")).isFalse();
    assertThat(settings.refreshInterval()).contains(Duration.ofMinutes(5));
    assertThat(settings.extraTables())
        .containsExactly(
            new Settings.ExtraTable("common-config", 250),
            new Settings.ExtraTable("shared-config", -6));
  }

  @Test
  void blankValue_meansTheDefault() {
    assertThat(settings(Map.of("dynamodb.config.ordinal", " ")).ordinal()).isEqualTo(270);
  }

  @Test
  void tableForRole_usesTheTemplate() {
    Settings settings = settings(Map.of("dynamodb.config.table-template", "cfg-{role}"));
    assertThat(settings.tableForRole("test-myapp-website")).isEqualTo("cfg-test-myapp-website");
    assertThat(settings(Map.of()).tableForRole("test-myapp-website"))
        .isEqualTo("test-myapp-website-config");
  }

  @Test
  void tableForRole_rejectsANameDynamoDbWouldRefuse() {
    assertThatThrownBy(() -> settings(Map.of()).tableForRole("my app"))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessage(
            "DDBCFG-0102 Table name 'my app-config' made from role 'my app' with"
                + " dynamodb.config.table-template={role}-config is not a valid DynamoDB table name"
                + " (3 to 255 of A-Z a-z 0-9 _ . -)");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ordinal|abc|expected an integer such as 270",
        "ordinal|2.5|expected an integer such as 270",
        "enabled|yes|expected true or false",
        "consistent-read|1|expected true or false",
        "required|maybe|expected true or false",
        "timeout|5 minutes|expected an ISO-8601 duration such as PT10S or PT0.5S, or a number with"
            + " unit ms, s, m or h such as 500ms or 10s",
        "timeout|PT0S|expected a duration from 1 ms to 365 days: an ISO-8601 duration",
        "timeout|-PT1S|expected a duration from 1 ms to 365 days: an ISO-8601 duration",
        "refresh-interval|PT0.0005S|expected a duration from 1 ms to 365 days: an ISO-8601"
            + " duration",
        "metadata-timeout|PT0.0001S|expected a duration from 1 ms to 365 days",
        "metadata-timeout|1 sec|expected an ISO-8601 duration",
        "timeout|99999999999999999999s|expected an ISO-8601 duration",
        "timeout|PT9000H|expected a duration from 1 ms to 365 days",
        "value-attribute|Parameter|expected an attribute name other than that of"
            + " dynamodb.config.key-attribute",
        "secret-attribute|Value|expected an attribute name other than that of"
            + " dynamodb.config.value-attribute",
        "refresh-interval|daily|expected an ISO-8601 duration",
        "on-invalid-item|ignore|expected fail or skip",
        "endpoint|localhost:8000|expected an http or https URL such as http://127.0.0.1:8000",
        "endpoint|ftp://host|expected an http or https URL",
        "region|EU West 1|expected an AWS region name such as eu-west-1",
        "region|eu_west_1|expected an AWS region name such as eu-west-1",
        "table|my table|expected a DynamoDB table name (3 to 255 of A-Z a-z 0-9 _ . -)",
        "table|ab|expected a DynamoDB table name",
        "table-template|static-table|expected a table name pattern containing {role}",
        "keys|a,,b|expected a comma-separated list without empty elements",
        "keys|a,b,a|expected a comma-separated list that names 'a' once",
        "secret-keys|*pass*,|expected a comma-separated list without empty elements",
        "extra-tables|common-config:high|expected entries name:ordinal with an integer ordinal",
        "extra-tables|x:1|expected entries name:ordinal whose names are DynamoDB table names",
        "extra-tables|a-config:1,a-config:2|expected each table once; 'a-config' is repeated",
      })
  void badValue_failsNamingTheSettingAndWhatIsAccepted(String leaf, String value, String accepted) {
    assertThatThrownBy(() -> settings(Map.of("dynamodb.config." + leaf, value)))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0101 Invalid setting dynamodb.config." + leaf + "='" + value + "': ")
        .hasMessageContaining(accepted);
  }

  @Test
  void endpointWithUserInfo_isNotEchoed() {
    assertThatThrownBy(
            () -> settings(Map.of("dynamodb.config.endpoint", "ftp://user:pa55w0rd@host:21")))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessage(
            "DDBCFG-0101 Invalid setting dynamodb.config.endpoint='ftp://***@host:21': expected an http or"
                + " https URL such as http://127.0.0.1:8000");
  }

  @Test
  void disabled_ignoresEveryOtherSetting_evenABadOne() {
    Settings settings =
        settings(
            Map.of(
                "dynamodb.config.enabled", "false",
                "dynamodb.config.timeout", "forever",
                "dynamodb.config.role", "prod-x"));
    assertThat(settings.enabled()).isFalse();
    assertThat(settings.role()).isEmpty();
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void lookup_blankValue_isMissing_soTheNextPlaceAnswers() {
    Properties system = new Properties();
    system.setProperty("dynamodb.config.role", "");
    Properties file = new Properties();
    file.setProperty("dynamodb.config.table", "from-file");
    var lookup =
        new SettingsLookup(
            system,
            Map.of("DYNAMODB_CONFIG_ROLE", "from-env", "DYNAMODB_CONFIG_TABLE", " "),
            List.of(file));
    assertThat(lookup.apply("dynamodb.config.role")).isEqualTo("from-env");
    assertThat(lookup.apply("dynamodb.config.table")).isEqualTo("from-file");
  }

  @Test
  void lookup_systemPropertyWinsOverEnvironmentAndFiles() {
    Properties system = new Properties();
    system.setProperty("dynamodb.config.role", "from-system");
    Properties file = new Properties();
    file.setProperty("dynamodb.config.role", "from-file");
    var lookup =
        new SettingsLookup(system, Map.of("DYNAMODB_CONFIG_ROLE", "from-env"), List.of(file));
    assertThat(lookup.apply("dynamodb.config.role")).isEqualTo("from-system");
  }

  @Test
  void lookup_filesAreRankedByConfigOrdinal_thenByClassPathOrder() {
    Properties first = new Properties();
    first.setProperty("dynamodb.config.role", "from-library-jar");
    first.setProperty("dynamodb.config.table", "first-table");
    Properties application = new Properties();
    application.setProperty("config_ordinal", "200");
    application.setProperty("dynamodb.config.role", "from-application");
    Properties last = new Properties();
    last.setProperty("dynamodb.config.table", "last-table");
    var lookup = new SettingsLookup(new Properties(), Map.of(), List.of(first, application, last));
    assertThat(lookup.apply("dynamodb.config.role")).isEqualTo("from-application");
    assertThat(lookup.apply("dynamodb.config.table")).isEqualTo("first-table");
  }

  @Test
  void lookup_environmentUsesTheMicroProfileMapping() {
    Properties file = new Properties();
    file.setProperty("dynamodb.config.table", "from-file");
    var exact =
        new SettingsLookup(new Properties(), Map.of("dynamodb.config.role", "exact"), List.of());
    var underscores =
        new SettingsLookup(new Properties(), Map.of("dynamodb_config_role", "lower"), List.of());
    var upper =
        new SettingsLookup(
            new Properties(),
            Map.of("DYNAMODB_CONFIG_ROLE", "upper", "DYNAMODB_CONFIG_ROLE_TAG", "Role"),
            List.of(file));
    assertThat(exact.apply("dynamodb.config.role")).isEqualTo("exact");
    assertThat(underscores.apply("dynamodb.config.role")).isEqualTo("lower");
    assertThat(upper.apply("dynamodb.config.role")).isEqualTo("upper");
    assertThat(upper.apply("dynamodb.config.role-tag")).isEqualTo("Role");
    assertThat(upper.apply("dynamodb.config.table")).isEqualTo("from-file");
    assertThat(upper.apply("dynamodb.config.region")).isNull();
  }

  @Test
  void lookup_readsMicroProfileConfigPropertiesOfTheClassLoader() {
    // src/test/resources/META-INF/microprofile-config.properties sets metadata-timeout
    var lookup = SettingsLookup.standard();
    assertThat(lookup.apply("dynamodb.config.metadata-timeout")).isEqualTo("750ms");
    assertThat(SettingsParser.read(lookup).metadataTimeout()).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void environmentVariable_followsTheMicroProfileMapping() {
    assertThat(DynamoDbConfigSetting.ROLE_TAG.environmentVariable())
        .isEqualTo("DYNAMODB_CONFIG_ROLE_TAG");
    assertThat(DynamoDbConfigSetting.ON_INVALID_ITEM.key())
        .isEqualTo("dynamodb.config.on-invalid-item");
    assertThat(DynamoDbConfigSetting.ORDINAL.defaultValue()).isEqualTo(Optional.of("270"));
  }
}
