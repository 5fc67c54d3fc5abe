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

import static io.github.dynamodbconfig.testkit.Items.bool;
import static io.github.dynamodbconfig.testkit.Items.item;
import static io.github.dynamodbconfig.testkit.Items.l;
import static io.github.dynamodbconfig.testkit.Items.m;
import static io.github.dynamodbconfig.testkit.Items.n;
import static io.github.dynamodbconfig.testkit.Items.s;
import static io.github.dynamodbconfig.testkit.Items.secretItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dynamodbconfig.testkit.BlackHole;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDynamoDbExtension.class)
class DynamoDbConfigSourceTest {

  static final String ROLE = ExampleTable.ROLE;
  static final String TABLE = ExampleTable.NAME;

  private final LocalDynamoDb engine;

  DynamoDbConfigSourceTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void exampleTable() {
    ExampleTable.create(engine);
    RequestCounter.reset();
  }

  @Test
  void role_findsTheTableFromTheTemplate_andServesEveryItem() {
    var source = Sources.create(LocalSettings.of(engine, "role", ROLE));

    assertThat(source.getProperties())
        .containsOnly(
            entry("debug", "true"),
            entry("db_host", "my.test.server"),
            entry("db_name", "my_db"),
            entry("db_user", "my_username"),
            entry("db_pass", ExampleTable.DB_PASS),
            entry("db_port", "5432"));
    assertThat(source.getValue("db_port")).isEqualTo("5432");
    assertThat(source.getValue("missing")).isNull();
    assertThat(source.getPropertyNames())
        .containsExactlyInAnyOrder("debug", "db_host", "db_name", "db_user", "db_pass", "db_port");
    assertThat(source.getName())
        .isEqualTo(
            "DynamoDbConfigSource[table=test-myapp-website-config, role=test-myapp-website]");
    assertThat(source).hasToString(source.getName());
    assertThat(source.getOrdinal()).isEqualTo(270);
    assertThat(RequestCounter.count("Scan", TABLE)).isEqualTo(1);
  }

  @Test
  void load_logsOneInfoLine_andDebugLinesWithSecretsMasked() {
    List<String> info;
    List<String> debug;
    try (LogCapture log = LogCapture.start()) {
      Sources.create(LocalSettings.of(engine, "role", ROLE));
      info = log.messages(Level.INFO);
      debug = log.messages(Level.FINE);
    }

    assertThat(info).hasSize(1);
    assertThat(info.get(0))
        .matches(
            "DDBCFG-0301 Loaded DynamoDB table 'test-myapp-website-config' \\(role 'test-myapp-website' from"
                + " setting dynamodb.config.role, region us-east-1\\): 6 properties, 1 secret, 1"
                + " request, \\d+ ms, as read at 20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
    assertThat(debug)
        .containsExactly(
            "DDBCFG-0306 test-myapp-website-config: db_host = my.test.server",
            "DDBCFG-0306 test-myapp-website-config: db_name = my_db",
            "DDBCFG-0306 test-myapp-website-config: db_pass = ***",
            "DDBCFG-0306 test-myapp-website-config: db_port = 5432",
            "DDBCFG-0306 test-myapp-website-config: db_user = my_username",
            "DDBCFG-0306 test-myapp-website-config: debug = true");
  }

  @Test
  void table_winsOverRole() {
    engine.createConfigTable("other-config");
    engine.put("other-config", "db_port", s("6543"));
    RequestCounter.reset();

    var source = Sources.create(LocalSettings.of(engine, "table", "other-config", "role", ROLE));

    assertThat(source.getProperties()).containsOnly(entry("db_port", "6543"));
    assertThat(source.getName())
        .isEqualTo("DynamoDbConfigSource[table=other-config, role=test-myapp-website]");
    assertThat(RequestCounter.count(TABLE)).isZero();
  }

  @Test
  void ordinal_isConfigurable() {
    var source = Sources.create(LocalSettings.of(engine, "role", ROLE, "ordinal", "450"));
    assertThat(source.getOrdinal()).isEqualTo(450);
  }

  @Test
  void snapshot_isImmutable() {
    var source = Sources.create(LocalSettings.of(engine, "role", ROLE));
    assertThatThrownBy(() -> source.getProperties().put("db_port", "1"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> source.getPropertyNames().remove("db_port"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void customItemLayout_isHonoured() {
    engine.createConfigTable("layout-config", "name");
    engine
        .client()
        .putItem(
            b ->
                b.tableName("layout-config")
                    .item(Map.of("name", s("db_port"), "val", n("5432"), "hidden", bool(true))));

    var source =
        Sources.create(
            LocalSettings.of(
                engine,
                "table",
                "layout-config",
                "key-attribute",
                "name",
                "value-attribute",
                "val",
                "secret-attribute",
                "hidden",
                "secret-keys",
                "none"));

    assertThat(source.getProperties()).containsOnly(entry("db_port", "5432"));
  }

  @Test
  void typedItems_areFlattened() {
    engine.putItems(
        TABLE,
        List.of(item("pool", m(Map.of("min", n("2"), "max", n("10")))), item("empty", s(""))));

    var source = Sources.create(LocalSettings.of(engine, "role", ROLE));

    assertThat(source.getProperties())
        .contains(entry("pool.min", "2"), entry("pool.max", "10"))
        .doesNotContainKey("empty")
        .doesNotContainKey("pool");
  }

  @Test
  void disabled_isEmpty_andMakesNoRequest() {
    var source = Sources.create(LocalSettings.of(engine, "role", ROLE, "enabled", "false"));

    assertThat(source.getProperties()).isEmpty();
    assertThat(source.getName()).isEqualTo("DynamoDbConfigSource[disabled]");
    assertThat(RequestCounter.requests()).isEmpty();
  }

  @Test
  void noRoleNorTable_isEmpty_andMakesNoRequest() {
    var source = Sources.create(LocalSettings.of(engine));

    assertThat(source.getProperties()).isEmpty();
    assertThat(source.getName()).isEqualTo("DynamoDbConfigSource[no table]");
    assertThat(RequestCounter.requests()).isEmpty();
  }

  @Test
  void noRoleNorTable_withRequired_failsStartup() {
    assertThatThrownBy(() -> Sources.create(LocalSettings.of(engine, "required", "true")))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessage(
            "DDBCFG-0004 No DynamoDB config table: neither dynamodb.config.table nor dynamodb.config.role is"
                + " set, and the EC2 tag 'Environment-role' was not found (tried: instance"
                + " metadata: not asked, AWS_EC2_METADATA_DISABLED (aws.disableEc2Metadata) is"
                + " true). Set dynamodb.config.role or dynamodb.config.table as a system property,"
                + " an environment variable (DYNAMODB_CONFIG_ROLE, DYNAMODB_CONFIG_TABLE) or in"
                + " META-INF/microprofile-config.properties, or tag the EC2 instance"
                + " Environment-role=<role> (dynamodb.config.required=true)");
  }

  @Test
  void missingTable_failsStartup_namingRoleTableAndRegion() {
    assertThatThrownBy(() -> Sources.create(LocalSettings.of(engine, "role", "prod-nothing")))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0405 DynamoDB table 'prod-nothing-config' (role 'prod-nothing') in region us-east-1 was"
                + " not found: ");
  }

  @Test
  void missingTable_notRequired_isEmpty() {
    var source =
        Sources.create(LocalSettings.of(engine, "role", "prod-nothing", "required", "false"));

    assertThat(source.getProperties()).isEmpty();
    assertThat(source.getName())
        .isEqualTo("DynamoDbConfigSource[table=prod-nothing-config, role=prod-nothing]");
  }

  private static Settings unreachable(String endpoint, String... more) {
    Map<String, String> values = new HashMap<>();
    values.put("dynamodb.config.endpoint", endpoint);
    values.put("dynamodb.config.region", "us-east-1");
    values.put("dynamodb.config.table", TABLE);
    for (int i = 0; i < more.length; i += 2) {
      values.put(DynamoDbConfigSetting.PREFIX + more[i], more[i + 1]);
    }
    return SettingsParser.read(values::get);
  }

  @Test
  void silentEndpoint_failsWhenTheTimeoutRunsOut_namingTableRegionAndSetting() {
    try (BlackHole blackHole = BlackHole.open()) {
      long start = System.nanoTime();

      assertThatThrownBy(
              () -> Sources.create(unreachable(blackHole.endpoint().toString(), "timeout", "1s")))
          .isInstanceOf(DynamoDbConfigException.class)
          .hasMessageStartingWith(
              "DDBCFG-0402 Loading DynamoDB table 'test-myapp-website-config' in region us-east-1 did not"
                  + " finish within dynamodb.config.timeout=PT1S");

      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("silent endpoint, timeout 1 s: gave up after " + elapsedMillis + " ms");
      assertThat(elapsedMillis).isBetween(1_000L, 3_000L);
      assertThat(blackHole.connections()).isPositive();
    }
  }

  @Test
  void noRegionAnywhere_failsSayingWhatToSet() {
    assumeTrue(
        System.getenv("AWS_REGION") == null
            && System.getenv("AWS_DEFAULT_REGION") == null
            && System.getProperty("aws.region") == null,
        "a region is configured in this environment");
    Map<String, String> values =
        Map.of("dynamodb.config.table", TABLE, "dynamodb.config.endpoint", "http://127.0.0.1:1");

    assertThatThrownBy(() -> Sources.create(SettingsParser.read(values::get)))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0408 Cannot create the DynamoDB client for table 'test-myapp-website-config': ")
        .hasMessageEndingWith(
            "Set dynamodb.config.region (or AWS_REGION), and credentials through the AWS SDK's"
                + " default chain");
  }

  @Test
  void parallelBatches_thatFail_leaveNoThreadBehind() {
    String keys =
        IntStream.range(0, 250).mapToObj(i -> "key_" + i).collect(Collectors.joining(","));
    try (BlackHole blackHole = BlackHole.open()) {
      assertThatThrownBy(
              () ->
                  Sources.create(
                      unreachable(blackHole.endpoint().toString(), "keys", keys, "timeout", "1s")))
          .isInstanceOf(DynamoDbConfigException.class)
          .hasMessageContaining("did not finish within dynamodb.config.timeout=PT1S");
    }
    assertThatThrownBy(
            () -> Sources.create(LocalSettings.of(engine, "table", "no-such-config", "keys", keys)))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0405 DynamoDB table 'no-such-config' in region us-east-1 was not found");

    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .noneMatch(name -> name.startsWith("dynamodb-config-batch-"));
  }

  @Test
  void invalidItem_failsByDefault_namingKeyAndTable_neverTheValue() {
    engine
        .client()
        .putItem(
            b -> b.tableName(TABLE).item(Map.of("Parameter", s("orphan"), "Val", s("v4lue-x9"))));

    assertThatThrownBy(() -> Sources.create(LocalSettings.of(engine, "role", ROLE)))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessage(
            "DDBCFG-0305 Invalid item 'orphan' in table 'test-myapp-website-config': it has no 'Value'"
                + " attribute. Fix the item, or set dynamodb.config.on-invalid-item=skip to leave"
                + " such items out.")
        .message()
        .doesNotContain("v4lue-x9");
  }

  @Test
  void invalidItem_skipped_leavesTheOthers() {
    engine.putItems(
        TABLE,
        List.of(
            Map.of("Parameter", s("orphan")),
            item("db", m(Map.of("host", s("collides")))),
            item("db.host", s("wins-by-name-order"))));

    var source = Sources.create(LocalSettings.of(engine, "role", ROLE, "on-invalid-item", "skip"));

    assertThat(source.getProperties())
        .containsEntry("db_port", "5432")
        .containsEntry("db.host", "collides")
        .doesNotContainKey("orphan")
        .hasSize(7);
  }

  @Test
  void collidingItems_failNamingBothKeys() {
    engine.putItems(TABLE, List.of(item("db", m(Map.of("host", s("a")))), item("db.host", s("b"))));

    assertThatThrownBy(() -> Sources.create(LocalSettings.of(engine, "role", ROLE)))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0305 Invalid item 'db.host' in table 'test-myapp-website-config': its property 'db.host'"
                + " is also a property of item 'db'.");
  }

  @Test
  void secrets_areMarkedByFlagOrName() {
    engine.putItems(TABLE, List.of(secretItem("smtp", s("hidden-1"))));

    Settings settings = LocalSettings.of(engine, "role", ROLE);
    Snapshot snapshot =
        new TableLoader(settings, TableTarget.fromSettings(settings).orElseThrow()).load();

    assertThat(snapshot.secrets()).containsExactlyInAnyOrder("db_pass", "smtp");
    assertThat(snapshot.printable("smtp")).isEqualTo("***");
    assertThat(snapshot.printable("db_pass")).isEqualTo("***");
    assertThat(snapshot.printable("db_host")).isEqualTo("my.test.server");
    assertThat(snapshot.properties()).containsEntry("smtp", "hidden-1");
    assertThat(snapshot.toString())
        .contains("db_host=my.test.server", "db_pass=***", "smtp=***")
        .doesNotContain(ExampleTable.DB_PASS, "hidden-1");
  }

  @Test
  void secretKeyPattern_matchingAnItemsKey_makesEveryPropertyOfTheItemSecret() {
    engine.putItems(
        TABLE, List.of(item("db_pass", m(Map.of("primary", s("p1-x"), "replica", s("p2-x"))))));

    Settings settings = LocalSettings.of(engine, "role", ROLE, "secret-keys", "*_pass");
    Snapshot snapshot =
        new TableLoader(settings, TableTarget.fromSettings(settings).orElseThrow()).load();

    assertThat(snapshot.properties())
        .containsEntry("db_pass.primary", "p1-x")
        .containsEntry("db_pass.replica", "p2-x");
    assertThat(snapshot.secrets()).containsExactlyInAnyOrder("db_pass.primary", "db_pass.replica");
  }

  @Test
  void secretFlagOfWrongType_isAnInvalidItem() {
    engine.putItems(
        TABLE, List.of(Map.of("Parameter", s("smtp"), "Value", s("x"), "Secret", s("yes"))));

    assertThatThrownBy(() -> Sources.create(LocalSettings.of(engine, "role", ROLE)))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0305 Invalid item 'smtp' in table 'test-myapp-website-config': its 'Secret' attribute is"
                + " of type S, not BOOL.");
  }

  @Test
  void secrets_byFlagOrCaseInsensitiveName_areReadable_butNeverInNameToStringOrDebugLines() {
    engine.putItems(
        TABLE,
        List.of(
            secretItem("smtp", s("smtp-9d2b7a-DO-NOT-LOG")),
            secretItem("ldap", m(Map.of("bind", s("ldap-51c0e8-DO-NOT-LOG")))),
            item("API_TOKEN", s("tok-e3a96f-DO-NOT-LOG")),
            item("Signing.Key", s("key-0b7d42-DO-NOT-LOG"))));

    DynamoDbConfigSource source;
    List<String> debug;
    try (LogCapture log = LogCapture.start()) {
      source = Sources.create(LocalSettings.of(engine, "role", ROLE));
      debug = log.messages(Level.FINE);
    }

    assertThat(source.getProperties())
        .contains(
            entry("db_pass", ExampleTable.DB_PASS),
            entry("smtp", "smtp-9d2b7a-DO-NOT-LOG"),
            entry("ldap.bind", "ldap-51c0e8-DO-NOT-LOG"),
            entry("API_TOKEN", "tok-e3a96f-DO-NOT-LOG"),
            entry("Signing.Key", "key-0b7d42-DO-NOT-LOG"));
    assertThat(debug)
        .contains(
            "DDBCFG-0306 test-myapp-website-config: API_TOKEN = ***",
            "DDBCFG-0306 test-myapp-website-config: Signing.Key = ***",
            "DDBCFG-0306 test-myapp-website-config: db_pass = ***",
            "DDBCFG-0306 test-myapp-website-config: ldap.bind = ***",
            "DDBCFG-0306 test-myapp-website-config: smtp = ***",
            "DDBCFG-0306 test-myapp-website-config: db_host = my.test.server");
    assertThat(List.of(source.getName(), source.toString()))
        .allSatisfy(
            text ->
                assertThat(text)
                    .isEqualTo(
                        "DynamoDbConfigSource[table=test-myapp-website-config,"
                            + " role=test-myapp-website]"));
  }

  @Test
  void invalidSecretItems_areReportedByKey_neverByValue() {
    engine.putItems(TABLE, List.of(secretItem("smtp", l(s("smtp-40aa1c-DO-NOT-LOG"), s("")))));

    assertThatThrownBy(() -> Sources.create(LocalSettings.of(engine, "role", ROLE)))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0305 Invalid item 'smtp' in table 'test-myapp-website-config': list at 'smtp' has an"
                + " empty string at index 1");

    List<String> warnings;
    try (LogCapture log = LogCapture.start()) {
      Sources.create(LocalSettings.of(engine, "role", ROLE, "on-invalid-item", "skip"));
      warnings = log.messages(Level.WARNING);
    }
    assertThat(warnings)
        .containsExactly(
            "DDBCFG-0303 Invalid item 'smtp' in table 'test-myapp-website-config': list at 'smtp' has an empty"
                + " string at index 1, which MicroProfile array syntax cannot express; item"
                + " skipped");
  }

  @Test
  void loadAndRefreshLines_logUnderTheSourcesClassName() {
    assertThat(LibraryMessage.SOURCE_LOGGER.getName())
        .isEqualTo(DynamoDbConfigSource.class.getName());
  }
}
