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

import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.Await;
import io.github.dynamodbconfig.testkit.FaultProxy;
import io.github.dynamodbconfig.testkit.KmsServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.RequestCounter;
import io.github.dynamodbconfig.testkit.SecretGuard;
import io.github.dynamodbconfig.testkit.SecretValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * A table whose secrets are sealed: loaded with one Scan and one KMS Decrypt however many secrets
 * it holds, refreshed with no KMS call, and refused with a message naming the table, the KMS key
 * and what to do when KMS or a sealed value says no.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class SealedTableTest {

  private static final String TABLE = "sealed-config";
  private static final String TABLE_ID = "0b9f0d1e-5c1a-4f7e-8d2b-6a3c4e5f6071";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final LocalDynamoDb engine;
  private KmsServer kms;
  private String keyArn;
  private DataKey dataKey;

  SealedTableTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void table() {
    kms = KmsServer.start();
    keyArn = kms.createKey();
    engine.deleteTable(TABLE);
    engine.createConfigTable(TABLE);
    engine.put(TABLE, "db_host", s("sealed.example"));
    GenerateDataKeyResponse made;
    Map<String, String> context = Keyring.context(TABLE, TABLE_ID);
    try (KmsClient client = kms.client(KmsClient.builder())) {
      made =
          client.generateDataKey(
              r -> r.keyId(keyArn).keySpec(DataKeySpec.AES_256).encryptionContext(context));
    }
    dataKey = DataKey.of("k1", made.plaintext().asByteArray());
    Keyring keyring =
        new Keyring(
            TABLE_ID,
            "k1",
            Map.of(
                "k1",
                new Keyring.WrappedKey(
                    "k1",
                    made.ciphertextBlob().asByteArray(),
                    keyArn,
                    context,
                    Instant.parse("2026-12-07T00:00:00Z"))));
    engine.putItems(TABLE, java.util.List.of(keyring.toItem("Parameter")));
    kms.resetCounts();
    RequestCounter.reset();
  }

  @AfterEach
  void stop() {
    kms.close();
  }

  private void putSealed(String key, String value, long version) {
    SecretValues.register(key, value);
    byte[] sealed =
        SealedValue.seal(dataKey, new SealedValue.Binding(TABLE_ID, key, version), value, RANDOM);
    engine.putItems(
        TABLE,
        java.util.List.of(
            SealedItems.toItem(
                new ItemLayout("Parameter", "Value", "Secret"), key, sealed, version)));
  }

  private Settings settings(String... more) {
    String[] base = {"table", TABLE, "kms-endpoint", kms.endpoint().toString()};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return LocalSettings.of(engine, all);
  }

  @Test
  void fiftySealedSecrets_loadWithOneScan_andOneDecrypt() {
    for (int i = 0; i < 50; i++) {
      putSealed("secret_" + i, "sealed-value-" + i + "-x9q", 1);
    }
    RequestCounter.reset();

    try (DynamoDbConfigSource source = Sources.create(settings())) {
      assertThat(source.getValue("secret_7")).isEqualTo("sealed-value-7-x9q");
      assertThat(source.getValue("secret_49")).isEqualTo("sealed-value-49-x9q");
      assertThat(source.getValue("db_host")).isEqualTo("sealed.example");
      assertThat(source.getValue(Keyring.KEY)).as("the keyring is no property").isNull();
      assertThat(source.getPropertyNames()).hasSize(51);
      assertThat(source.toString()).doesNotContain("sealed-value");
    }
    assertThat(RequestCounter.count("Scan", TABLE)).isEqualTo(1);
    assertThat(kms.count("Decrypt")).isEqualTo(1);
    assertThat(kms.count("GenerateDataKey")).isZero();
  }

  @Test
  void refreshes_makeNoKmsCall_untilTheDataKeyIsOlderThanItsMaximumAge() throws Exception {
    putSealed("db_pass", "first-pass-77q", 1);
    try (DynamoDbConfigSource source = Sources.create(settings("refresh-interval", "100ms"))) {
      assertThat(source.getValue("db_pass")).isEqualTo("first-pass-77q");
      Await.until(() -> RequestCounter.count("Scan", TABLE) >= 4);
      putSealed("db_pass", "second-pass-88q", 2);
      Await.until(() -> "second-pass-88q".equals(source.getValue("db_pass")));
      assertThat(kms.count("Decrypt")).as("unchanged refreshes and a change").isEqualTo(1);
    }
    try (DynamoDbConfigSource source =
        Sources.create(settings("refresh-interval", "100ms", "data-key-max-age", "150ms"))) {
      Await.until(() -> kms.count("Decrypt") >= 3);
      assertThat(source.getValue("db_pass")).isEqualTo("second-pass-88q");
    }
  }

  @Test
  void kmsThrottling_isRetriedWithinTheTimeBudget() {
    putSealed("db_pass", "throttled-pass-5t", 1);
    kms.throttleNext(2);
    try (DynamoDbConfigSource source = Sources.create(settings())) {
      assertThat(source.getValue("db_pass")).isEqualTo("throttled-pass-5t");
    }
    assertThat(kms.count("Decrypt")).isEqualTo(3);
  }

  @Test
  void deniedDecrypt_failsStartUp_namingTheAction_theKey_andTheContext() {
    putSealed("db_pass", "denied-pass-3w", 1);
    kms.deny("Decrypt");
    assertThatThrownBy(() -> Sources.create(settings()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0352 KMS refused to open data key k1 of DynamoDB table '"
                + TABLE
                + "': the credentials need the IAM action kms:Decrypt on "
                + keyArn
                + " for the encryption context {dynamodb-config:keyring="
                + TABLE_ID
                + ", dynamodb-config:table="
                + TABLE
                + "}");
  }

  @Test
  void aDisabledKey_failsStartUp_sayingSo() {
    putSealed("db_pass", "disabled-pass-4e", 1);
    kms.state(keyArn, KmsServer.KeyState.DISABLED);
    assertThatThrownBy(() -> Sources.create(settings()))
        .hasMessageContaining("DDBCFG-0353")
        .hasMessageContaining(keyArn + " is disabled");
  }

  @Test
  void aValueCopiedToAnotherItem_isAnInvalidItem_namedByKey() {
    putSealed("db_pass", "copied-pass-6r", 1);
    byte[] copied =
        SealedValue.seal(
            dataKey, new SealedValue.Binding(TABLE_ID, "db_pass", 1), "copied-pass-6r", RANDOM);
    engine.putItems(
        TABLE,
        java.util.List.of(
            SealedItems.toItem(
                new ItemLayout("Parameter", "Value", "Secret"), "api_token", copied, 1)));

    assertThatThrownBy(() -> Sources.create(settings()))
        .hasMessageContaining("Invalid item 'api_token' in table '" + TABLE + "'")
        .hasMessageContaining(
            "its sealed value does not open: sealed for another table, item, version or key, or"
                + " altered");
    try (DynamoDbConfigSource source = Sources.create(settings("on-invalid-item", "skip"))) {
      assertThat(source.getValue("db_pass")).isEqualTo("copied-pass-6r");
      assertThat(source.getValue("api_token")).isNull();
    }
  }

  @Test
  void aSecretStillInPlainText_isWarnedAboutOnce_orRefusedWhenSoSet() throws Exception {
    putSealed("db_pass", "sealed-one-8k", 1);
    engine.putItems(
        TABLE,
        java.util.List.of(
            io.github.dynamodbconfig.testkit.Items.secretItem(
                "legacy_secret", s("legacy-pw-4g7"))));
    try (LogCapture log = LogCapture.start();
        DynamoDbConfigSource source = Sources.create(settings("refresh-interval", "100ms"))) {
      assertThat(source.getValue("legacy_secret")).isEqualTo("legacy-pw-4g7");
      Await.until(() -> RequestCounter.count("Scan", TABLE) >= 3);
      assertThat(log.messages(Level.WARNING))
          .containsExactly(
              "DDBCFG-0361 DynamoDB table '"
                  + TABLE
                  + "' has a keyring, yet 1 secret is in plain text: 'legacy_secret'; seal them"
                  + " with dynamodb-config seal, or set dynamodb.config.plaintext-secrets=fail"
                  + " to refuse them");
    }
    assertThatThrownBy(() -> Sources.create(settings("plaintext-secrets", "fail")))
        .hasMessageStartingWith(
            "DDBCFG-0363 DynamoDB table '"
                + TABLE
                + "' has a keyring, yet 1 secret is in plain text: 'legacy_secret'");
  }

  @Test
  void theSnapshotFile_keepsSealedValuesSealed_andStartingFromItCostsOneDecrypt(
      @TempDir Path directory) throws Exception {
    putSealed("db_pass", "file-pass-6z2x", 1);
    Path file = directory.resolve("config.snapshot");
    Sources.create(settings("snapshot-file", file.toString()));
    String written = Files.readString(file, StandardCharsets.ISO_8859_1);
    SecretGuard.checkOutput("the snapshot file", written);
    assertThat(written)
        .contains("value.db_host=sealed.example", "sealed.db_pass=", "keyring.table-id=" + TABLE_ID)
        .doesNotContain("file-pass-6z2x", "value.db_pass");
    kms.resetCounts();

    try (FaultProxy proxy = FaultProxy.to(engine.endpoint())) {
      proxy.next(1000, FaultProxy.serverError(503));
      String[] fromFile = {
        "endpoint", proxy.endpoint().toString(), "snapshot-file", file.toString(), "timeout", "1s"
      };
      DynamoDbConfigSource source = Sources.create(settings(fromFile));
      assertThat(source.getValue("db_pass")).isEqualTo("file-pass-6z2x");
      assertThat(source.getValue("db_host")).isEqualTo("sealed.example");
      assertThat(kms.count("Decrypt")).isEqualTo(1);

      kms.failNext(1000);
      assertThatThrownBy(() -> Sources.create(settings(fromFile)))
          .as("DynamoDB and KMS both out of reach: no start")
          .hasMessageContaining("DDBCFG-0402");
    }
  }

  @Test
  void aSecretSealedWhileTheApplicationRuns_leavesTheSnapshotFile(@TempDir Path directory)
      throws Exception {
    SecretValues.register("db_pass", "before-seal-9u1");
    engine.putItems(
        TABLE,
        java.util.List.of(
            io.github.dynamodbconfig.testkit.Items.secretItem("db_pass", s("before-seal-9u1"))));
    Path file = directory.resolve("config.snapshot");
    try (DynamoDbConfigSource source =
        Sources.create(settings("snapshot-file", file.toString(), "refresh-interval", "100ms"))) {
      assertThat(Files.readString(file)).contains("value.db_pass=before-seal-9u1");
      putSealed("db_pass", "before-seal-9u1", 1); // the same value, now sealed
      Await.until(
          () -> {
            try {
              return Files.readString(file).contains("sealed.db_pass=");
            } catch (java.io.IOException e) {
              return false;
            }
          });
      assertThat(Files.readString(file)).doesNotContain("before-seal-9u1");
      SecretGuard.checkOutput("the snapshot file, once sealed", Files.readString(file));
      assertThat(source.getValue("db_pass")).isEqualTo("before-seal-9u1");
    }
  }

  @Test
  void aSealedItem_inATableWithoutAKeyring_isAnInvalidItem() {
    putSealed("db_pass", "orphan-pass-2y", 1);
    engine
        .client()
        .deleteItem(
            r -> r.tableName(TABLE).key(Map.of("Parameter", AttributeValue.fromS(Keyring.KEY))));
    assertThatThrownBy(() -> Sources.create(settings()))
        .hasMessageContaining(
            "Invalid item 'db_pass' in table '"
                + TABLE
                + "': its value is sealed, but the table has no keyring item '"
                + Keyring.KEY
                + "'");
    assertThat(kms.count("Decrypt")).isZero();
  }
}
