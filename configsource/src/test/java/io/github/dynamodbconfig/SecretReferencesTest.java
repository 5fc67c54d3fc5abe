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
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.RequestCounter;
import io.github.dynamodbconfig.testkit.SecretGuard;
import io.github.dynamodbconfig.testkit.SecretValues;
import io.github.dynamodbconfig.testkit.SecretsManagerServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items that reference Secrets Manager secrets: read with one BatchGetSecretValue per 20, JSON
 * secrets flattened or one field taken, another staging label read alone, a rotation seen at the
 * next refresh, and a secret that is not read failing the load, never giving part of them.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class SecretReferencesTest {

  private static final String TABLE = "referencing-config";

  private final LocalDynamoDb engine;
  private SecretsManagerServer secrets;

  SecretReferencesTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void table() {
    secrets = SecretsManagerServer.start();
    engine.deleteTable(TABLE);
    engine.createConfigTable(TABLE);
    engine.put(TABLE, "db_host", s("refs.example"));
  }

  @AfterEach
  void stop() {
    secrets.close();
  }

  private static Map<String, AttributeValue> reference(
      String key, String secretId, String... more) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("Parameter", s(key));
    item.put(SecretReference.SECRETS_MANAGER, s(secretId));
    for (int i = 0; i < more.length; i += 2) {
      item.put(more[i], s(more[i + 1]));
    }
    return item;
  }

  private Settings settings(String... more) {
    List<String> all =
        new ArrayList<>(
            List.of("table", TABLE, "secrets-manager-endpoint", secrets.endpoint().toString()));
    all.addAll(List.of(more));
    return LocalSettings.of(engine, all.toArray(String[]::new));
  }

  @Test
  void fortyFiveReferences_areReadInThreeBatches_andAreSecret() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      String value = "referenced-value-" + i + "-q7";
      SecretValues.register("api_key_" + i, value);
      String arn = secrets.put("app/key-" + i, value);
      items.add(reference("api_key_" + i, i % 2 == 0 ? arn : "app/key-" + i));
    }
    engine.putItems(TABLE, items);
    RequestCounter.reset();

    try (DynamoDbConfigSource source = Sources.create(settings())) {
      assertThat(source.getValue("api_key_0")).isEqualTo("referenced-value-0-q7");
      assertThat(source.getValue("api_key_44")).isEqualTo("referenced-value-44-q7");
      assertThat(source.snapshot().secrets()).contains("api_key_0", "api_key_17", "api_key_44");
      assertThat(source.getValue("db_host")).isEqualTo("refs.example");
    }
    assertThat(secrets.count("BatchGetSecretValue")).isEqualTo(3);
    assertThat(secrets.count("GetSecretValue")).isZero();
    assertThat(RequestCounter.count("Scan", TABLE)).isEqualTo(1);
  }

  @Test
  void aJsonSecret_givesItsFields_orTheOneFieldNamed_andAnotherStageIsReadAlone() {
    SecretValues.register("db.password", "json-pw-5c2k");
    SecretValues.register("db_password", "json-pw-5c2k");
    secrets.put("prod/db", "{\"username\":\"app\",\"password\":\"json-pw-5c2k\",\"port\":5432}");
    secrets.put("prod/old", "old-pw-1a9z");
    secrets.put("prod/old", "new-pw-2b8y");
    SecretValues.register("previous_pw", "old-pw-1a9z");
    engine.putItems(
        TABLE,
        List.of(
            reference("db", "prod/db"),
            reference("db_password", "prod/db", SecretReference.JSON_KEY, "password"),
            reference("previous_pw", "prod/old", SecretReference.VERSION_STAGE, "AWSPREVIOUS")));

    try (DynamoDbConfigSource source = Sources.create(settings())) {
      assertThat(source.getValue("db.username")).isEqualTo("app");
      assertThat(source.getValue("db.password")).isEqualTo("json-pw-5c2k");
      assertThat(source.getValue("db.port")).isEqualTo("5432");
      assertThat(source.getValue("db_password")).isEqualTo("json-pw-5c2k");
      assertThat(source.getValue("previous_pw")).isEqualTo("old-pw-1a9z");
      assertThat(source.snapshot().secrets()).contains("db.username", "db_password", "previous_pw");
    }
    assertThat(secrets.count("BatchGetSecretValue")).isEqualTo(1);
    assertThat(secrets.count("GetSecretValue")).isEqualTo(1);
  }

  @Test
  void aSecretNotRead_failsStartUp_namingTheSecret_theItem_andTheIamAction() {
    secrets.put("app/one", "one-value-8h3");
    secrets.put("app/denied", "denied-value-4j6");
    secrets.deny("app/denied");
    engine.putItems(TABLE, List.of(reference("one", "app/one"), reference("two", "app/denied")));

    assertThatThrownBy(() -> Sources.create(settings()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0371 Secrets Manager did not give secret app/denied of item 'two' of DynamoDB"
                + " table '"
                + TABLE
                + "': AccessDeniedException (")
        .hasMessageEndingWith(
            "); the credentials need secretsmanager:GetSecretValue (and"
                + " secretsmanager:BatchGetSecretValue) on it");
  }

  @Test
  void aRotation_isSeenAtTheNextRefresh_andAFailedReadKeepsTheLastValues() throws Exception {
    SecretValues.register("rotating", "before-rotation-3x");
    SecretValues.register("rotating", "after-rotation-4y");
    secrets.put("app/rotating", "before-rotation-3x");
    engine.putItems(TABLE, List.of(reference("rotating", "app/rotating")));

    try (DynamoDbConfigSource source =
        Sources.create(
            settings("refresh-interval", "100ms", "secrets-manager-refresh-interval", "100ms"))) {
      assertThat(source.getValue("rotating")).isEqualTo("before-rotation-3x");
      secrets.createSecret("app/rotating", "after-rotation-4y");
      Await.until(() -> secrets.count("BatchGetSecretValue") >= 3);
      assertThat(source.getValue("rotating"))
          .as("pending is not current")
          .isEqualTo("before-rotation-3x");
      secrets.finishSecret("app/rotating");
      Await.until(() -> "after-rotation-4y".equals(source.getValue("rotating")));

      secrets.deny("app/rotating");
      int before = secrets.count("BatchGetSecretValue");
      Await.until(() -> secrets.count("BatchGetSecretValue") >= before + 2);
      assertThat(source.getValue("rotating")).isEqualTo("after-rotation-4y");
      assertThat(source.getValue("db_host")).isEqualTo("refs.example");
    }
  }

  @Test
  void anUnchangedTable_readsItsSecretsAgainOnlyAfterTheirInterval_andTheEventNamesARotation()
      throws Exception {
    SecretValues.register("rotating", "first-value-7k2");
    SecretValues.register("rotating", "rotated-value-8m3");
    secrets.put("app/rotating", "first-value-7k2");
    engine.putItems(TABLE, List.of(reference("rotating", "app/rotating")));
    ConfigTable writer =
        ConfigTable.fromSettings(
            Map.of(
                "dynamodb.config.table", TABLE,
                "dynamodb.config.endpoint", engine.endpoint().toString(),
                "dynamodb.config.region", LocalDynamoDb.REGION.id()));
    try (DynamoDbClient client = engine.newClient()) {
      writer.markChange(client, true);
      writer.markChange(client, false);
    }
    List<DynamoDbConfigChanged> seen = new CopyOnWriteArrayList<>();
    RequestCounter.reset();

    try (DynamoDbConfigSource source =
            Sources.create(
                settings("refresh-interval", "50ms", "secrets-manager-refresh-interval", "3s"));
        var registration = source.addChangeListener(seen::add)) {
      long started = System.nanoTime();
      Await.until(() -> RequestCounter.count("GetItem", TABLE) >= 6);
      if (System.nanoTime() - started < 2_500_000_000L) { // 3 s less 10 %, and some margin
        assertThat(secrets.count("BatchGetSecretValue"))
            .as("unchanged refreshes within the interval read no secret")
            .isEqualTo(1);
      }
      long scans = RequestCounter.count("Scan", TABLE);

      secrets.createSecret("app/rotating", "rotated-value-8m3");
      secrets.finishSecret("app/rotating");
      Await.until(() -> "rotated-value-8m3".equals(source.getValue("rotating")));
      assertThat(System.nanoTime() - started)
          .as("seen within one interval (3 s + 10 %) and one refresh")
          .isLessThan(3_400_000_000L + 1_000_000_000L);
      Await.until(() -> !seen.isEmpty());
      assertThat(seen.get(0).changed()).containsExactly("rotating");
      assertThat(seen.get(0).version()).isPresent();
      assertThat(seen.toString()).doesNotContain("rotated-value");
      assertThat(RequestCounter.count("Scan", TABLE))
          .as("the table is not read again for its secrets")
          .isEqualTo(scans);
    }
  }

  @Test
  void theSnapshotFile_keepsReferencesNotTheirValues_andStartingFromItReadsThemAgain(
      @TempDir Path directory) throws Exception {
    SecretValues.register("db.password", "file-json-pw-3q8");
    SecretValues.register("api_key", "file-api-key-4r9");
    secrets.put("prod/db", "{\"username\":\"app\",\"password\":\"file-json-pw-3q8\"}");
    secrets.put("prod/api", "file-api-key-4r9");
    engine.putItems(
        TABLE,
        List.of(
            reference("db", "prod/db"),
            reference("api_key", "prod/api", SecretReference.VERSION_STAGE, "AWSCURRENT")));
    Path file = directory.resolve("config.snapshot");
    Sources.create(settings("snapshot-file", file.toString())).close();
    String written = Files.readString(file, StandardCharsets.ISO_8859_1);
    SecretGuard.checkOutput("the snapshot file", written);
    assertThat(written)
        .contains(
            "value.db_host=refs.example",
            "reference.db.secret-id=prod/db",
            "reference.api_key.secret-id=prod/api")
        .doesNotContain("file-json-pw-3q8", "file-api-key-4r9", "value.db.username");
    secrets.resetCounts();

    try (FaultProxy proxy = FaultProxy.to(engine.endpoint())) {
      proxy.next(1000, FaultProxy.serverError(503));
      String[] fromFile = {
        "endpoint", proxy.endpoint().toString(), "snapshot-file", file.toString(), "timeout", "1s"
      };
      try (DynamoDbConfigSource source = Sources.create(settings(fromFile))) {
        assertThat(source.getValue("db.password")).isEqualTo("file-json-pw-3q8");
        assertThat(source.getValue("db.username")).isEqualTo("app");
        assertThat(source.getValue("api_key")).isEqualTo("file-api-key-4r9");
        assertThat(source.getValue("db_host")).isEqualTo("refs.example");
        assertThat(source.snapshot().secrets()).contains("db.username", "api_key");
      }
      assertThat(secrets.count("BatchGetSecretValue")).isEqualTo(1);

      secrets.deny("prod/api");
      assertThatThrownBy(() -> Sources.create(settings(fromFile)))
          .as("DynamoDB out of reach and a secret not read: no start")
          .hasMessageContaining("DDBCFG-0402");
    }
  }
}
