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

import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.DynamoDbConfigSource;
import io.github.dynamodbconfig.testkit.KmsServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SecretValues;
import io.github.dynamodbconfig.testkit.SystemProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table with a keyring: {@code init --kms-key} makes it, and from then on every secret value the
 * tool writes is sealed, so that the table holds none in plain text, while {@code get}, {@code
 * export} and an application read the real value.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class SealedSecretsTest {

  private final LocalDynamoDb engine;
  private final SealingCli cli;
  private final KmsServer kms;
  private final String keyArn;

  @TempDir Path dir;

  SealedSecretsTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new SealingCli(engine);
    this.kms = cli.kms();
    this.keyArn = kms.createKey();
    kms.alias("config", keyArn);
  }

  @AfterEach
  void stop() {
    cli.close();
  }

  private CliRun.Result run(String... args) {
    return cli.run(args);
  }

  private CliRun.Result runWithInput(String input, String... args) {
    return cli.runWithInput(input, args);
  }

  private Map<String, Map<String, AttributeValue>> items(String table) {
    return cli.items(table);
  }

  private String scanned(String table) {
    return cli.scanned(table);
  }

  @Test
  void initMakesAKeyring_andSecretsSetAfterwardsAreSealed_yetReadAsTheyAre() throws Exception {
    CliRun.Result init = run("init", "--role", "sealed-a", "--kms-key", "alias/config");
    assertThat(init.code()).as(init.all()).isZero();
    assertThat(init.out())
        .endsWith(
            "Made the keyring of table 'sealed-a-config': its data key is wrapped by KMS key "
                + keyArn
                + ", and secret values set from now on are sealed with it\n");
    assertThat(kms.count("GenerateDataKey")).isEqualTo(1);
    assertThat(run("init", "--role", "sealed-a", "--kms-key", "alias/config").out())
        .endsWith("Table 'sealed-a-config' already has a keyring: nothing to do\n");

    SecretValues.register("db_pass", "sealed-pw-41c9-zz");
    CliRun.Result set =
        runWithInput(
            "sealed-pw-41c9-zz\n", "set", "--role", "sealed-a", "db_pass", "-", "--secret");
    assertThat(set.code()).as(set.all()).isZero();
    assertThat(set.out()).isEqualTo("+ db_pass = ***\n");
    run("set", "--role", "sealed-a", "db_host", "plain.example");
    SecretValues.register("api_token", "tok-77aa-93bd-x");
    runWithInput("tok-77aa-93bd-x\n", "set", "--role", "sealed-a", "api_token", "-");

    Map<String, Map<String, AttributeValue>> items = items("sealed-a-config");
    assertThat(items.get("db_pass"))
        .doesNotContainKey("Value")
        .containsEntry("Secret", AttributeValue.fromBool(true))
        .containsKey("Sealed");
    long first = Long.parseLong(items.get("db_pass").get("Version").n());
    assertThat(first).as("a new sealed item starts at the time").isGreaterThan(1_796_000_000_000L);
    assertThat(items.get("api_token")).as("secret by its name").containsKey("Sealed");
    assertThat(items.get("db_host")).containsEntry("Value", s("plain.example"));
    assertThat(scanned("sealed-a-config"))
        .contains("plain.example")
        .doesNotContain("sealed-pw-41c9-zz", "tok-77aa-93bd-x");

    assertThat(run("get", "--role", "sealed-a", "db_pass").out()).isEqualTo("***\n");
    assertThat(run("get", "--role", "sealed-a", "db_pass", "--reveal-secret").out())
        .isEqualTo("sealed-pw-41c9-zz\n");

    CliRun.Result again =
        runWithInput(
            "sealed-pw-41c9-zz\n", "set", "--role", "sealed-a", "db_pass", "-", "--secret");
    assertThat(again.out()).as("the same value: nothing to write").doesNotContain("db_pass");
    SecretValues.register("db_pass", "rotated-pw-58e0-yy");
    runWithInput("rotated-pw-58e0-yy\n", "set", "--role", "sealed-a", "db_pass", "-", "--secret");
    assertThat(items("sealed-a-config").get("db_pass"))
        .containsEntry("Version", AttributeValue.fromN(Long.toString(first + 1)));

    try (SystemProperties properties =
            new SystemProperties()
                .set("dynamodb.config.endpoint", engine.endpoint().toString())
                .set("dynamodb.config.region", LocalDynamoDb.REGION.id())
                .set("dynamodb.config.kms-endpoint", kms.endpoint().toString())
                .set("dynamodb.config.table", "sealed-a-config");
        DynamoDbConfigSource source = new DynamoDbConfigSource()) {
      assertThat(source.getValue("db_pass")).isEqualTo("rotated-pw-58e0-yy");
      assertThat(source.getValue("api_token")).isEqualTo("tok-77aa-93bd-x");
    }
  }

  @Test
  void importExportAndCheck_workOnASealedTable() throws IOException {
    run("init", "--role", "sealed-b", "--kms-key", keyArn);
    SecretValues.register("license", "lic-sealed-6d1f");
    Path file =
        Files.writeString(
            dir.resolve("settings.json"), "{\"license\": \"lic-sealed-6d1f\", \"db_port\": 5432}");

    CliRun.Result imported =
        run("import", "--role", "sealed-b", file.toString(), "--secret", "license");
    assertThat(imported.code()).as(imported.all()).isZero();
    assertThat(items("sealed-b-config").get("license")).containsKey("Sealed");
    assertThat(scanned("sealed-b-config")).doesNotContain("lic-sealed-6d1f");
    assertThat(run("import", "--role", "sealed-b", file.toString(), "--secret", "license").out())
        .as("a second import writes nothing")
        .doesNotContain("+ ", "~ ");

    assertThat(run("export", "--role", "sealed-b").out())
        .contains("license=***")
        .doesNotContain("lic-sealed-6d1f");
    assertThat(run("export", "--role", "sealed-b", "--reveal-secrets").out())
        .contains("license=lic-sealed-6d1f");
    engine.createConfigTable("plain-b-config");
    run("import", "--role", "plain-b", file.toString(), "--secret", "license");
    assertThat(items("plain-b-config").get("license")).as("no keyring").containsKey("Value");
    CliRun.Result same = run("diff", "sealed-b", "plain-b");
    assertThat(same.code()).as("sealed and plain, the same values: " + same.all()).isZero();
    SecretValues.register("license", "lic-other-7e2a");
    runWithInput("lic-other-7e2a\n", "set", "--role", "plain-b", "license", "-", "--secret");
    CliRun.Result differ = run("diff", "sealed-b", "plain-b");
    assertThat(differ.code()).isEqualTo(1);
    assertThat(differ.out()).contains("secret values differ");
  }

  @Test
  void seal_sealsThePlainSecretsOfATable_inPlace_afterADryRun() {
    engine.createConfigTable("sealed-e-config");
    SecretValues.register("db_pass", "legacy-pw-91c3-ww");
    runWithInput("legacy-pw-91c3-ww\n", "set", "--role", "sealed-e", "db_pass", "-");
    run("set", "--role", "sealed-e", "db_host", "legacy.example");
    CliRun.Result noKeyring = run("seal", "--role", "sealed-e");
    assertThat(noKeyring.code()).isEqualTo(2);
    assertThat(noKeyring.err())
        .contains(
            "DDBCFG-1153 Table 'sealed-e-config' has no keyring, so nothing can be sealed: give"
                + " it one with init --kms-key");

    run("init", "--role", "sealed-e", "--kms-key", keyArn);
    assertThat(items("sealed-e-config").get("db_pass")).as("until sealed").containsKey("Value");
    CliRun.Result dryRun = run("seal", "--role", "sealed-e", "--dry-run");
    assertThat(dryRun.code()).isEqualTo(1);
    assertThat(dryRun.out())
        .isEqualTo(
            "Would seal 1 secret of table 'sealed-e-config': 'db_pass' (dry run: nothing"
                + " written)\n");
    assertThat(items("sealed-e-config").get("db_pass")).containsKey("Value");

    CliRun.Result sealed = run("seal", "--role", "sealed-e");
    assertThat(sealed.code()).as(sealed.all()).isZero();
    assertThat(sealed.out()).isEqualTo("Sealed 1 secret of table 'sealed-e-config': 'db_pass'\n");
    assertThat(items("sealed-e-config").get("db_pass"))
        .doesNotContainKey("Value")
        .containsKey("Version");
    assertThat(items("sealed-e-config").get("db_host")).containsEntry("Value", s("legacy.example"));
    assertThat(scanned("sealed-e-config")).doesNotContain("legacy-pw-91c3-ww");
    assertThat(run("get", "--role", "sealed-e", "db_pass", "--reveal-secret").out())
        .isEqualTo("legacy-pw-91c3-ww\n");
    assertThat(run("seal", "--role", "sealed-e").out())
        .isEqualTo("Every secret of table 'sealed-e-config' is sealed: nothing to do\n");

    engine.putItems(
        "sealed-e-config",
        java.util.List.of(
            Map.of(
                "Parameter", s("pool_password_count"),
                "Value", AttributeValue.fromN("3"),
                "Secret", AttributeValue.fromBool(true))));
    CliRun.Result notString = run("seal", "--role", "sealed-e");
    assertThat(notString.code()).isZero();
    assertThat(notString.out())
        .isEqualTo(
            "1 secret of table 'sealed-e-config' cannot be sealed, only a string can:"
                + " 'pool_password_count' (left in plain text)\n");
  }

  @Test
  void batchWriteExport_keepsSealedValuesSealed_withTheKeyring_withoutRevealing() {
    run("init", "--role", "sealed-f", "--kms-key", keyArn);
    SecretValues.register("db_pass", "export-pw-3m8v-tt");
    runWithInput("export-pw-3m8v-tt\n", "set", "--role", "sealed-f", "db_pass", "-", "--secret");
    run("set", "--role", "sealed-f", "db_host", "export.example");

    CliRun.Result exported = run("export", "--role", "sealed-f", "--format", "batch-write");
    assertThat(exported.code()).as(exported.all()).isZero();
    assertThat(exported.out())
        .contains("\"Sealed\"", "\"dynamodb.config.keyring\"", "export.example")
        .doesNotContain("export-pw-3m8v-tt");
  }

  @Test
  void aNonStringSecret_isRefused_inATableThatSeals() {
    run("init", "--role", "sealed-c", "--kms-key", keyArn);
    CliRun.Result refused =
        run("set", "--role", "sealed-c", "db_password_count", "3", "--type", "N");
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err())
        .contains(
            "Table 'sealed-c-config' seals its secret values, and only a string value can be"
                + " sealed: 'db_password_count' is of type N");
  }

  @Test
  void aSealedValueThatDoesNotOpen_failsGet_namingTheKey() {
    run("init", "--role", "sealed-d", "--kms-key", keyArn);
    SecretValues.register("db_pass", "moved-pw-2b7c-qq");
    runWithInput("moved-pw-2b7c-qq\n", "set", "--role", "sealed-d", "db_pass", "-", "--secret");
    Map<String, AttributeValue> sealed = new HashMap<>(items("sealed-d-config").get("db_pass"));
    sealed.put("Parameter", s("db_password"));
    engine.putItems("sealed-d-config", java.util.List.of(sealed));

    CliRun.Result get = run("get", "--role", "sealed-d", "db_password");
    assertThat(get.code()).isNotZero();
    assertThat(get.err())
        .contains(
            "The value of 'db_password' in DynamoDB table 'sealed-d-config' (role 'sealed-d')"
                + " cannot be read: its sealed value does not open: sealed for another table,"
                + " item, version or key, or altered");
  }
}
