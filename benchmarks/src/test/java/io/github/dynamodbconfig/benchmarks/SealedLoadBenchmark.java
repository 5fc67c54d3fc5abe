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
package io.github.dynamodbconfig.benchmarks;

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.DynamoDbConfigSource;
import io.github.dynamodbconfig.TableSealing;
import io.github.dynamodbconfig.testkit.KmsServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.SystemProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Part 11: the start-up load of a table of {@value #SECRETS} secrets sealed with a KMS-wrapped data
 * key against the same table with the secrets in plain text, in one warm JVM, both against the
 * local DynamoDB engine and the sealed one against the testkit's KMS endpoint on loopback. Each
 * load is a new source (a new client, one Scan, and for the sealed table one KMS Decrypt and
 * {@value #SECRETS} AES-GCM opens), the two tables taking turns.
 */
final class SealedLoadBenchmark {

  static final int SECRETS = 50;
  static final int WARMUP = 40;
  static final int RUNS = 200;

  private static final String PLAIN = "bench-plain-config";
  private static final String SEALED = "bench-sealed-config";

  private final LocalDynamoDb engine;

  SealedLoadBenchmark(LocalDynamoDb engine) {
    this.engine = engine;
  }

  String run() {
    try (KmsServer kms = KmsServer.start()) {
      String keyArn = kms.createKey();
      fill(PLAIN, kms, null);
      fill(SEALED, kms, keyArn);
      List<Long> plain = new ArrayList<>();
      List<Long> sealed = new ArrayList<>();
      for (int i = 0; i < WARMUP; i++) {
        load(PLAIN, kms);
        load(SEALED, kms);
      }
      kms.resetCounts();
      for (int i = 0; i < RUNS; i++) {
        plain.add(load(PLAIN, kms));
        sealed.add(load(SEALED, kms));
      }
      int decrypts = kms.count("Decrypt");
      Stats plainStats = Stats.of(plain);
      Stats sealedStats = Stats.of(sealed);
      MarkdownTable table =
          new MarkdownTable(
              "table", "loads", "median ms", "p90 ms", "p99 ms", "KMS calls per load");
      table.row(
          SECRETS + " secrets in plain text",
          RUNS,
          Stats.ms(plainStats.medianMillis()),
          Stats.ms(plainStats.p90Millis()),
          Stats.ms(plainStats.p99Millis()),
          "0");
      table.row(
          SECRETS + " sealed secrets",
          RUNS,
          Stats.ms(sealedStats.medianMillis()),
          Stats.ms(sealedStats.p90Millis()),
          Stats.ms(sealedStats.p99Millis()),
          String.valueOf(decrypts / (double) RUNS));
      return table
          + "\nSealed against plain, median: "
          + Stats.ratio(sealedStats.medianMillis() / plainStats.medianMillis())
          + ", +"
          + Stats.ms(sealedStats.medianMillis() - plainStats.medianMillis())
          + " ms; both tables also hold 6 plain settings.\n";
    }
  }

  /** One start-up load of {@code table}, in nanoseconds. */
  private long load(String table, KmsServer kms) {
    try (SystemProperties properties =
        new SystemProperties()
            .set("dynamodb.config.table", table)
            .set("dynamodb.config.endpoint", engine.endpoint().toString())
            .set("dynamodb.config.region", LocalDynamoDb.REGION.id())
            .set("dynamodb.config.kms-endpoint", kms.endpoint().toString())) {
      long start = System.nanoTime();
      try (DynamoDbConfigSource source = new DynamoDbConfigSource()) {
        String value = source.getValue("secret_" + (SECRETS - 1));
        long took = System.nanoTime() - start;
        if (!("s3cret-value-" + (SECRETS - 1) + "-x9").equals(value)) {
          throw new IllegalStateException("table " + table + " did not give its last secret");
        }
        return took;
      }
    }
  }

  /** The table: six plain settings and the secrets, sealed when {@code keyArn} is given. */
  private void fill(String name, KmsServer kms, String keyArn) {
    engine.createConfigTable(name);
    ConfigTable table =
        ConfigTable.fromSettings(
            Map.of(
                "dynamodb.config.table", name,
                "dynamodb.config.endpoint", engine.endpoint().toString(),
                "dynamodb.config.region", LocalDynamoDb.REGION.id(),
                "dynamodb.config.kms-endpoint", kms.endpoint().toString()));
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      items.add(table.toItem("setting_" + i, AttributeValue.fromS("value-" + i), false));
    }
    List<Map<String, AttributeValue>> secrets = new ArrayList<>();
    for (int i = 0; i < SECRETS; i++) {
      secrets.add(
          table.toItem("secret_" + i, AttributeValue.fromS("s3cret-value-" + i + "-x9"), true));
    }
    try (DynamoDbClient client = engine.newClient()) {
      if (keyArn == null) {
        items.addAll(secrets);
      } else {
        Map<String, AttributeValue> keyring = TableSealing.newKeyring(table, client, keyArn);
        TableSealing sealing = TableSealing.open(table, client, List.of(keyring)).orElseThrow();
        items.add(keyring);
        for (Map<String, AttributeValue> secret : secrets) {
          items.add(sealing.sealed(secret, 1));
        }
      }
    }
    engine.putItems(name, items);
  }
}
