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

import static io.github.dynamodbconfig.testkit.Items.item;
import static io.github.dynamodbconfig.testkit.Items.s;
import static io.github.dynamodbconfig.testkit.Items.secretItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The override report of the CDI extension, computed from a {@code Config}. */
@ExtendWith(LocalDynamoDbExtension.class)
class OverrideReportTest {

  private final LocalDynamoDb engine;

  OverrideReportTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void tables() {
    engine.createConfigTable("role-config");
    engine.putItems(
        "role-config",
        List.of(
            item("db_host", s("role.server")),
            item("db_pass", s("role-password")),
            secretItem("smtp", s("role-smtp")),
            item("only_here", s("x"))));
    engine.createConfigTable("common-config");
    engine.putItems(
        "common-config", List.of(item("db_host", s("common.server")), item("feature", s("on"))));
  }

  /** A builder with SmallRye's default interceptors (property expressions) and {@code sources}. */
  private static SmallRyeConfigBuilder builder(ConfigSource... sources) {
    return new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(sources);
  }

  private DynamoDbConfigSource roleTable() {
    return Sources.create(LocalSettings.of(engine, "table", "role-config"));
  }

  private SmallRyeConfig config(Map<String, String> systemProperties) {
    return builder(
            roleTable(),
            Sources.create(LocalSettings.of(engine, "table", "common-config", "ordinal", "260")),
            new PropertiesConfigSource(systemProperties, "overrides", 400))
        .build();
  }

  @Test
  void overrides_oneLinePerOverriddenProperty_bySourceThenName_secretsMasked() {
    SmallRyeConfig config =
        config(Map.of("db_host", "localhost", "db_pass", "dev-password", "smtp", "dev-smtp"));

    assertThat(OverrideReport.overrides(config))
        .containsExactly(
            "DDBCFG-0801 db_host: DynamoDB value overridden by PropertiesConfigSource[source=overrides] (ordinal 400); table"
                + " 'role-config' has 'role.server', the application gets 'localhost'",
            "DDBCFG-0801 db_pass: DynamoDB value overridden by PropertiesConfigSource[source=overrides] (ordinal 400); table"
                + " 'role-config' has ***, the application gets ***",
            "DDBCFG-0801 smtp: DynamoDB value overridden by PropertiesConfigSource[source=overrides] (ordinal 400); table"
                + " 'role-config' has ***, the application gets ***",
            "DDBCFG-0801 db_host: DynamoDB value overridden by PropertiesConfigSource[source=overrides] (ordinal 400); table"
                + " 'common-config' has 'common.server', the application gets 'localhost'");
  }

  @Test
  void overrides_nameTheHigherTable_whenTablesOverlap() {
    SmallRyeConfig config = config(Map.of());

    assertThat(OverrideReport.overrides(config))
        .containsExactly(
            "DDBCFG-0801 db_host: DynamoDB value overridden by DynamoDbConfigSource[table=role-config]"
                + " (ordinal 270); table 'common-config' has 'common.server', the application gets"
                + " 'role.server'");
  }

  @Test
  void overrides_maskAName_thatAnyDynamoDbSourceHoldsAsSecret() {
    engine.put("role-config", "api_login", s("changeme"));
    engine.createConfigTable("vault-config");
    engine.putItems("vault-config", List.of(secretItem("api_login", s("vault-login"))));
    SmallRyeConfig config =
        builder(
                roleTable(),
                Sources.create(LocalSettings.of(engine, "table", "vault-config", "ordinal", "280")))
            .build();

    assertThat(OverrideReport.overrides(config))
        .containsExactly(
            "DDBCFG-0801 api_login: DynamoDB value overridden by DynamoDbConfigSource[table=vault-config]"
                + " (ordinal 280); table 'role-config' has ***, the application gets ***");
  }

  @Test
  void overrides_showTheOverridingValueRaw_neverWhatItsExpressionExpandsTo() {
    engine.put("role-config", "db_url", s("jdbc:postgresql://role.server/app"));
    SmallRyeConfig config =
        config(Map.of("db_url", "jdbc:postgresql://app:${db_pass}@localhost/app"));

    assertThat(config.getValue("db_url", String.class))
        .isEqualTo("jdbc:postgresql://app:role-password@localhost/app");
    assertThat(OverrideReport.overrides(config))
        .containsExactly(
            "DDBCFG-0801 db_url: DynamoDB value overridden by PropertiesConfigSource[source=overrides] (ordinal"
                + " 400); table 'role-config' has 'jdbc:postgresql://role.server/app', the"
                + " application gets 'jdbc:postgresql://app:${db_pass}@localhost/app'",
            "DDBCFG-0801 db_host: DynamoDB value overridden by DynamoDbConfigSource[table=role-config]"
                + " (ordinal 270); table 'common-config' has 'common.server', the application gets"
                + " 'role.server'");
  }

  @Test
  void overrides_leaveOutANameWhoseLookupFails_insteadOfFailingTheDeployment() {
    // SmallRye's own secret keys lock a name away from lookups (docs/security.md).
    SmallRyeConfig config =
        builder(
                roleTable(),
                new PropertiesConfigSource(
                    Map.of("db_host", "localhost", "db_pass", "dev-password"), "overrides", 400))
            .withSecretKeys("db_pass")
            .build();

    assertThatThrownBy(() -> config.getConfigValue("db_pass"))
        .isInstanceOf(SecurityException.class);
    assertThat(OverrideReport.overrides(config))
        .containsExactly(
            "DDBCFG-0801 db_host: DynamoDB value overridden by PropertiesConfigSource[source=overrides] (ordinal 400); table"
                + " 'role-config' has 'role.server', the application gets 'localhost'");
  }
}
