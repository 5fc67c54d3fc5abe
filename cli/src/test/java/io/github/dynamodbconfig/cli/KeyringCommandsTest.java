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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.DynamoDbConfigSource;
import io.github.dynamodbconfig.testkit.Await;
import io.github.dynamodbconfig.testkit.KmsServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SecretValues;
import io.github.dynamodbconfig.testkit.SystemProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code rekey} seals every sealed value again with a new data key, and {@code rewrap} wraps the
 * data keys with another KMS key without writing any sealed value, while an application keeps
 * reading the same values.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class KeyringCommandsTest {

  private final LocalDynamoDb engine;
  private final SealingCli cli;
  private final KmsServer kms;
  private final String keyArn;

  KeyringCommandsTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new SealingCli(engine);
    this.kms = cli.kms();
    this.keyArn = kms.createKey();
  }

  @AfterEach
  void stop() {
    cli.close();
  }

  /** A table with a keyring, two sealed secrets and a plain value. */
  private String sealedTable(String role) {
    cli.run("init", "--role", role, "--kms-key", keyArn);
    SecretValues.register("db_pass", "rekey-pw-6c1d-aa");
    SecretValues.register("api_token", "rekey-tok-7d2e-bb");
    cli.runWithInput("rekey-pw-6c1d-aa\n", "set", "--role", role, "db_pass", "-", "--secret");
    cli.runWithInput("rekey-tok-7d2e-bb\n", "set", "--role", role, "api_token", "-", "--secret");
    cli.run("set", "--role", role, "db_host", "rekey.example");
    return role + "-config";
  }

  private DynamoDbConfigSource application(String table, SystemProperties properties) {
    properties
        .set("dynamodb.config.endpoint", engine.endpoint().toString())
        .set("dynamodb.config.region", LocalDynamoDb.REGION.id())
        .set("dynamodb.config.kms-endpoint", kms.endpoint().toString())
        .set("dynamodb.config.table", table)
        .set("dynamodb.config.refresh-interval", "100ms");
    return new DynamoDbConfigSource();
  }

  private static Map<String, AttributeValue> keys(Map<String, AttributeValue> keyring) {
    return keyring.get("Keys").m();
  }

  @Test
  void rekey_sealsEverySealedValueAgain_withANewDataKey_andRetiresTheOldOne() throws Exception {
    String table = sealedTable("rekeyed");
    Map<String, Map<String, AttributeValue>> before = cli.items(table);
    int generated = kms.count("GenerateDataKey");

    CliRun.Result dryRun = cli.run("rekey", "--role", "rekeyed", "--dry-run");
    assertThat(dryRun.code()).as(dryRun.all()).isZero();
    assertThat(dryRun.out())
        .isEqualTo(
            "Would seal 2 sealed items of table 'rekeyed-config' again with a new data key"
                + " wrapped by KMS key "
                + keyArn
                + " (dry run: nothing written)\n");
    assertThat(cli.items(table)).isEqualTo(before);
    assertThat(kms.count("GenerateDataKey")).isEqualTo(generated);

    try (SystemProperties properties = new SystemProperties();
        DynamoDbConfigSource running = application(table, properties)) {
      assertThat(running.getValue("db_pass")).isEqualTo("rekey-pw-6c1d-aa");
      int decrypts = kms.count("Decrypt");

      CliRun.Result rekey = cli.run("rekey", "--role", "rekeyed");
      assertThat(rekey.code()).as(rekey.all()).isZero();
      assertThat(rekey.out())
          .isEqualTo(
              "Sealed 2 sealed items of table 'rekeyed-config' again with its new data key k2,"
                  + " wrapped by KMS key "
                  + keyArn
                  + "; the data keys before it are retired\n");
      assertThat(kms.count("GenerateDataKey")).isEqualTo(generated + 1);

      Map<String, Map<String, AttributeValue>> after = cli.items(table);
      Map<String, AttributeValue> keyring = after.get("dynamodb.config.keyring");
      assertThat(keyring.get("Active").s()).isEqualTo("k2");
      assertThat(keys(keyring)).containsOnlyKeys("k2");
      assertThat(keyring.get("TableId"))
          .as("the table keeps its identity")
          .isEqualTo(before.get("dynamodb.config.keyring").get("TableId"));
      for (String key : new String[] {"db_pass", "api_token"}) {
        assertThat(after.get(key).get("Sealed")).isNotEqualTo(before.get(key).get("Sealed"));
        assertThat(Long.parseLong(after.get(key).get("Version").n()))
            .isEqualTo(Long.parseLong(before.get(key).get("Version").n()) + 1);
      }
      assertThat(after.get("db_host")).isEqualTo(before.get("db_host"));
      assertThat(cli.scanned(table)).doesNotContain("rekey-pw-6c1d-aa", "rekey-tok-7d2e-bb");
      assertThat(cli.run("get", "--role", "rekeyed", "db_pass", "--reveal-secret").out())
          .isEqualTo("rekey-pw-6c1d-aa\n");

      Await.until(() -> kms.count("Decrypt") > decrypts + 1); // the tool's, then the application's
      assertThat(running.getValue("db_pass")).isEqualTo("rekey-pw-6c1d-aa");
      assertThat(running.getValue("api_token")).isEqualTo("rekey-tok-7d2e-bb");
    }
  }

  @Test
  void rekey_withAnotherKmsKey_wrapsTheNewDataKeyWithIt() {
    String table = sealedTable("rekeyed-elsewhere");
    String other = kms.createKey();

    CliRun.Result rekey = cli.run("rekey", "--role", "rekeyed-elsewhere", "--kms-key", other);
    assertThat(rekey.code()).as(rekey.all()).isZero();
    assertThat(keys(cli.items(table).get("dynamodb.config.keyring")).get("k2").m().get("KeyArn"))
        .isEqualTo(AttributeValue.fromS(other));
    kms.state(keyArn, KmsServer.KeyState.DISABLED);
    assertThat(cli.run("get", "--role", "rekeyed-elsewhere", "api_token", "--reveal-secret").out())
        .as("the old KMS key is no longer needed")
        .isEqualTo("rekey-tok-7d2e-bb\n");
  }

  @Test
  void rewrap_wrapsTheDataKeysWithAnotherKmsKey_writingNoSealedValue() throws Exception {
    String table = sealedTable("rewrapped");
    String other = kms.createKey();
    Map<String, Map<String, AttributeValue>> before = cli.items(table);

    try (SystemProperties properties = new SystemProperties();
        DynamoDbConfigSource running = application(table, properties)) {
      CliRun.Result rewrap = cli.run("rewrap", "--role", "rewrapped", "--kms-key", other);
      assertThat(rewrap.code()).as(rewrap.all()).isZero();
      assertThat(rewrap.out())
          .isEqualTo(
              "Wrapped 1 data key of table 'rewrapped-config' with KMS key "
                  + other
                  + "; no sealed value was written again\n");
      assertThat(kms.count("ReEncrypt")).isEqualTo(1);

      Map<String, Map<String, AttributeValue>> after = cli.items(table);
      for (String key : new String[] {"db_pass", "api_token", "db_host"}) {
        assertThat(after.get(key)).isEqualTo(before.get(key));
      }
      Map<String, AttributeValue> k1 = keys(after.get("dynamodb.config.keyring")).get("k1").m();
      assertThat(k1.get("KeyArn")).isEqualTo(AttributeValue.fromS(other));
      assertThat(k1.get("Wrapped"))
          .isNotEqualTo(keys(before.get("dynamodb.config.keyring")).get("k1").m().get("Wrapped"));

      kms.state(keyArn, KmsServer.KeyState.DISABLED);
      int decrypts = kms.count("Decrypt");
      Await.until(
          () -> kms.count("Decrypt") > decrypts); // the application opens it with the new key
      Thread.sleep(300); // a few more refreshes
      assertThat(running.getValue("db_pass")).isEqualTo("rekey-pw-6c1d-aa");
      assertThat(cli.run("get", "--role", "rewrapped", "db_pass", "--reveal-secret").out())
          .isEqualTo("rekey-pw-6c1d-aa\n");
    }
  }

  @Test
  void rewrap_thatKmsRefuses_namesTheIamActions_andLeavesTheKeyring() {
    String table = sealedTable("rewrap-denied");
    String other = kms.createKey();
    Map<String, AttributeValue> keyring = cli.items(table).get("dynamodb.config.keyring");
    kms.deny("ReEncrypt");

    CliRun.Result refused = cli.run("rewrap", "--role", "rewrap-denied", "--kms-key", other);
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .contains(
            "DDBCFG-0364 KMS refused to wrap data key k1 of DynamoDB table 'rewrap-denied-config'"
                + " (role 'rewrap-denied') with "
                + other
                + ": the credentials need the IAM actions kms:ReEncryptFrom on "
                + keyArn
                + " and kms:ReEncryptTo on "
                + other);
    assertThat(cli.items(table).get("dynamodb.config.keyring")).isEqualTo(keyring);

    engine.createConfigTable("no-keyring-config");
    CliRun.Result none = cli.run("rewrap", "--role", "no-keyring", "--kms-key", other);
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("DDBCFG-1153 Table 'no-keyring-config' has no keyring");
    assertThat(cli.run("rekey", "--role", "no-keyring").err())
        .contains("DDBCFG-1153 Table 'no-keyring-config' has no keyring");
  }

  @Test
  void aKeyringChangedByAnotherWriter_isNotReplaced() {
    String table = sealedTable("raced");
    ConfigTable config = config(table);
    try (TableSession session = TableSession.open(config)) {
      Map<String, AttributeValue> read = session.seals().keyringItem();
      Map<String, AttributeValue> other = new HashMap<>(read);
      Map<String, AttributeValue> otherKeys = new HashMap<>(keys(read));
      otherKeys.put("k9", otherKeys.get("k1"));
      other.put("Keys", AttributeValue.fromM(otherKeys));
      engine.putItems(table, List.of(other));

      assertThatThrownBy(() -> session.replaceKeyring(read, read))
          .isInstanceOf(CliException.class)
          .hasMessageContaining(
              "The keyring of table 'raced-config' was changed by another writer while this"
                  + " command ran");
      assertThat(cli.items(table).get("dynamodb.config.keyring")).isEqualTo(other);
      session.replaceKeyring(read, other);
      assertThat(cli.items(table).get("dynamodb.config.keyring")).isEqualTo(read);
    }
  }

  @Test
  void rekey_leavesAnItemThatAnotherWriterChangedMeanwhile_asThatWriterWroteIt() {
    String table = sealedTable("raced-rekey");
    ConfigTable config = config(table);
    try (TableSession session = TableSession.open(config)) {
      Map<String, AttributeValue> dbPass =
          session.seals().sealedItems(session.items()).stream()
              .filter(item -> item.get("Parameter").s().equals("db_pass"))
              .findFirst()
              .orElseThrow();
      SecretValues.register("db_pass", "meanwhile-pw-5t6");
      cli.runWithInput(
          "meanwhile-pw-5t6\n", "set", "--role", "raced-rekey", "db_pass", "-", "--secret");
      Map<String, AttributeValue> written = cli.items(table).get("db_pass");

      assertThatThrownBy(() -> session.putUnchanged(dbPass))
          .isInstanceOf(CliException.class)
          .hasMessageContaining(
              "'db_pass' of table 'raced-rekey-config' was changed by another writer while rekey"
                  + " sealed it again");
      assertThat(cli.items(table).get("db_pass")).isEqualTo(written);
    }
    assertThat(cli.run("get", "--role", "raced-rekey", "db_pass", "--reveal-secret").out())
        .isEqualTo("meanwhile-pw-5t6\n");
  }

  /** The table model of {@code table}, as the tool opens it. */
  private ConfigTable config(String table) {
    return ConfigTable.fromSettings(
        Map.of(
            "dynamodb.config.table", table,
            "dynamodb.config.endpoint", engine.endpoint().toString(),
            "dynamodb.config.region", LocalDynamoDb.REGION.id(),
            "dynamodb.config.kms-endpoint", kms.endpoint().toString()));
  }
}
