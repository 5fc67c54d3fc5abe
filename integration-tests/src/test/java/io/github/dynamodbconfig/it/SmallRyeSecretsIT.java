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
package io.github.dynamodbconfig.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.Items;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SecretGuard;
import io.github.dynamodbconfig.testkit.SecretGuard.Channel;
import io.github.dynamodbconfig.testkit.SecretGuard.Leak;
import io.github.dynamodbconfig.testkit.SystemProperties;
import io.smallrye.config.SecretKeys;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What SmallRye Config itself prints of the table's secret {@code db_pass} (docs/security.md): its
 * lookup logging, its secret keys, its conversion errors. The testkit's {@link SecretGuard} reads
 * SmallRye's log records (the {@code io.smallrye.config} logger at ALL) and the message of every
 * exception; a test that shows a leak takes the leaks it expects from the guard.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class SmallRyeSecretsIT {

  private static final String SECRET = ExampleTable.DB_PASS;

  private final LocalDynamoDb engine;
  private final SystemProperties properties = new SystemProperties();

  SmallRyeSecretsIT(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void exampleTable() {
    ExampleTable.create(engine);
    properties
        .set("dynamodb.config.endpoint", engine.endpoint().toString())
        .set("dynamodb.config.region", LocalDynamoDb.REGION.id())
        .set("dynamodb.config.role", ExampleTable.ROLE);
  }

  @AfterEach
  void restore() {
    properties.close();
  }

  /** A builder with the sources and interceptors of {@code ConfigProvider.getConfig()}. */
  private static SmallRyeConfigBuilder builder() {
    return new SmallRyeConfigBuilder()
        .addDefaultSources()
        .addDefaultInterceptors()
        .addDiscoveredSources();
  }

  @Test
  void lookupLogging_isOffByDefault_evenAtDebug() {
    SmallRyeConfig config = builder().build();

    assertThat(config.getValue("db_pass", String.class)).isEqualTo(SECRET);
    assertThat(SecretGuard.scan()).isEmpty();
  }

  @Test
  void lookupLogging_withLogValues_printsTheSecret() {
    properties.set("smallrye.config.log.values", "true");
    SmallRyeConfig config = builder().build();

    assertThat(config.getValue("db_pass", String.class)).isEqualTo(SECRET);

    List<Leak> leaks = SecretGuard.scan();
    assertThat(leaks)
        .extracting(Leak::key, Leak::channel, Leak::origin)
        .containsExactly(tuple("db_pass", Channel.LOG, "io.smallrye.config at DEBUG"));
    assertThat(leaks.get(0).excerpt())
        .isEqualTo(
            "SRCFG01001: The config db_pass was loaded from"
                + " DynamoDbConfigSource[table=test-myapp-website-config, role=test-myapp-website]"
                + " with the value <secret of db_pass>");
    SecretGuard.forget(leaks);
  }

  @Test
  void secretKeys_hideTheValueFromLookupLogging_butLockItAwayFromTheConfigApi() {
    properties.set("smallrye.config.log.values", "true");
    SmallRyeConfig config = builder().withSecretKeys("db_pass").build();

    assertThatThrownBy(() -> config.getValue("db_pass", String.class))
        .isInstanceOf(SecurityException.class)
        .hasMessage("SRCFG00024: Not allowed to access secret key db_pass");
    // Copied first: with secret keys, SmallRye's getPropertyNames() can be iterated only once.
    List<String> names = new ArrayList<>();
    config.getPropertyNames().forEach(names::add);
    assertThat(names).contains("db_host").doesNotContain("db_pass");
    assertThat(SecretKeys.doUnlocked(() -> config.getValue("db_pass", String.class)))
        .isEqualTo(SECRET);
    assertThat(SecretGuard.scan()).isEmpty();
  }

  @Test
  void conversionError_printsTheValue_alsoOfASecretKey() {
    SmallRyeConfig plain = builder().build();
    SmallRyeConfig withSecretKey = builder().withSecretKeys("db_pass").build();

    // What @ConfigProperty(name = "db_pass") int injection does: SmallRye's injection unlocks.
    assertThatThrownBy(() -> plain.getValue("db_pass", int.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "SRCFG00039: The config property db_pass with the config value \"" + SECRET + "\"");
    assertThatThrownBy(
            () -> SecretKeys.doUnlocked(() -> withSecretKey.getValue("db_pass", int.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "SRCFG00039: The config property db_pass with the config value \"" + SECRET + "\"");

    List<Leak> leaks = SecretGuard.scan();
    assertThat(leaks).isNotEmpty().extracting(Leak::channel).containsOnly(Channel.EXCEPTION);
    assertThat(leaks)
        .extracting(Leak::origin)
        .anySatisfy(
            origin ->
                assertThat(origin)
                    .startsWith("java.lang.IllegalArgumentException constructed at io.smallrye."));
    assertThat(leaks)
        .extracting(Leak::excerpt)
        .contains(
            "SRCFG00039: The config property db_pass with the config value \"<secret of db_pass>\""
                + " threw an Exception whilst being converted SRCFG00029: Expected an integer"
                + " value, got \"<secret of db_pass>\"");
    SecretGuard.forget(leaks);
  }

  @Test
  void expressionInASecret_thatCannotBeExpanded_isQuotedInPart_unlessEscaped() {
    engine.put(ExampleTable.NAME, "db_pass", Items.s("pw-${vault-ref}-42"));
    engine.put(ExampleTable.NAME, "api_token", Items.s("tk-\\${vault-ref}-42"));
    SmallRyeConfig config = builder().build();

    // The text between the braces is in the message, the rest of the value is not.
    assertThatThrownBy(() -> config.getValue("db_pass", String.class))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("SRCFG00011: Could not expand value vault-ref in property db_pass");
    // Stored escaped, the value is read as it is meant, with a literal ${.
    assertThat(config.getValue("api_token", String.class)).isEqualTo("tk-${vault-ref}-42");
    assertThat(SecretGuard.scan()).isEmpty();
  }
}
