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

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.FaultProxy;
import io.github.dynamodbconfig.testkit.Items;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.RequestCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in last-good snapshot file: written after each good load, used when DynamoDB is down. */
@ExtendWith(LocalDynamoDbExtension.class)
class SnapshotFileTest {

  private final LocalDynamoDb engine;
  @TempDir Path directory;
  private Path file;

  SnapshotFileTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void exampleTable() {
    ExampleTable.create(engine);
    file = directory.resolve("state").resolve("config.snapshot");
  }

  private Settings settings(String endpoint, String... more) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "table",
                ExampleTable.NAME,
                "endpoint",
                endpoint,
                "snapshot-file",
                file.toString(),
                "timeout",
                "500ms"));
    all.addAll(List.of(more));
    return LocalSettings.of(engine, all.toArray(String[]::new));
  }

  @Test
  void goodLoad_writesTheFile_ownerOnly_withNoTemporaryFileLeft() throws IOException {
    Sources.create(settings(engine.endpoint().toString()));

    assertThat(file).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file))
        .contains("table=test-myapp-website-config")
        .contains("value.db_port=5432")
        .contains("secret.db_pass=true");
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void refreshOfAnUnchangedTable_leavesTheFileAlone_andAChangeRewritesIt() throws Exception {
    try (var source =
        Sources.create(settings(engine.endpoint().toString(), "refresh-interval", "20ms"))) {
      String first = Files.readString(file);
      long scans = RequestCounter.count("Scan", ExampleTable.NAME);
      await(() -> RequestCounter.count("Scan", ExampleTable.NAME) >= scans + 5);
      assertThat(Files.readString(file)).isEqualTo(first);

      engine.put(ExampleTable.NAME, "db_host", Items.s("moved.test.server"));
      await(() -> "moved.test.server".equals(source.getValue("db_host")));
      await(() -> readQuietly(file).contains("value.db_host=moved.test.server"));
    }
  }

  @Test
  void failingWrites_warnOncePerStreak_andSayWhenTheFileIsWrittenAgain() throws Exception {
    try (LogCapture log = LogCapture.start();
        var source =
            Sources.create(settings(engine.endpoint().toString(), "refresh-interval", "20ms"))) {
      // The file's directory becomes a plain file: every write fails, as on a read-only disk.
      Path state = file.getParent();
      Files.delete(file);
      Files.delete(state);
      Files.writeString(state, "not a directory");
      engine.put(ExampleTable.NAME, "db_host", Items.s("moved.test.server"));
      await(() -> "moved.test.server".equals(source.getValue("db_host")));
      long scans = RequestCounter.count("Scan", ExampleTable.NAME);
      await(() -> RequestCounter.count("Scan", ExampleTable.NAME) >= scans + 10);

      assertThat(log.messages(Level.WARNING))
          .singleElement()
          .asString()
          .startsWith(
              "DDBCFG-0701 Cannot write the snapshot file "
                  + file
                  + " of dynamodb.config.snapshot-file");

      Files.delete(state);
      await(() -> readQuietly(file).contains("value.db_host=moved.test.server"));
      assertThat(log.messages(Level.WARNING)).hasSize(1);
      assertThat(log.messages(Level.INFO))
          .anyMatch(
              m ->
                  m.matches(
                      "DDBCFG-0703 Wrote the snapshot file .* again after \\d+ failed writes"));
    }
  }

  private static String readQuietly(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      return "";
    }
  }

  private static void await(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(until);
      Thread.sleep(20);
    }
  }

  @Test
  void dynamoDbUnreachable_startsFromTheFile_withAWarningNamingItsAge() {
    Sources.create(settings(engine.endpoint().toString()));
    try (FaultProxy proxy = FaultProxy.to(engine.endpoint())) {
      proxy.next(1000, FaultProxy.serverError(503));

      DynamoDbConfigSource source;
      List<String> warnings;
      try (LogCapture log = LogCapture.start()) {
        source = Sources.create(settings(proxy.endpoint().toString()));
        warnings = log.messages(Level.WARNING);
      }

      assertThat(source.getValue("db_port")).isEqualTo("5432");
      assertThat(source.getValue("db_pass")).isEqualTo(ExampleTable.DB_PASS);
      assertThat(source.snapshot().secrets()).contains("db_pass");
      assertThat(warnings)
          .singleElement()
          .asString()
          .startsWith(
              "DDBCFG-0705 DDBCFG-0402 Loading DynamoDB table 'test-myapp-website-config' in"
                  + " region us-east-1")
          .containsPattern(
              "; starting from the snapshot file .*config.snapshot saved \\d+ s ago \\(6"
                  + " properties, dynamodb.config.snapshot-max-age=PT24H\\)$");
    }
  }

  @Test
  void secretKeysAddedSinceTheSave_areHonoured_whenStartingFromTheFile() {
    engine.put(
        ExampleTable.NAME,
        "ldap_bind",
        Items.m(Map.of("dn", Items.s("cn=app"), "pw", Items.s("ldap-pw"))));
    Sources.create(settings(engine.endpoint().toString()));
    try (FaultProxy proxy = FaultProxy.to(engine.endpoint())) {
      proxy.next(1000, FaultProxy.serverError(503));

      DynamoDbConfigSource source =
          Sources.create(settings(proxy.endpoint().toString(), "secret-keys", "*user*,ldap_bind"));

      assertThat(source.getValue("db_user")).isEqualTo("my_username");
      assertThat(source.getValue("ldap_bind.dn")).isEqualTo("cn=app");
      // db_pass was secret at the save; the others match a pattern by name or by item key now.
      assertThat(source.snapshot().secrets())
          .containsExactlyInAnyOrder("db_pass", "db_user", "ldap_bind.dn", "ldap_bind.pw");
    }
  }

  @Test
  void fileOlderThanTheMaxAge_isNotUsed() throws IOException {
    new SnapshotFile(file)
        .save(
            ExampleTable.NAME,
            new Snapshot(Map.of("db_port", "1"), java.util.Set.of()),
            Instant.now().minus(Duration.ofHours(2)));
    try (FaultProxy proxy = FaultProxy.to(engine.endpoint())) {
      proxy.next(1000, FaultProxy.serverError(503));

      assertThatThrownBy(
              () -> Sources.create(settings(proxy.endpoint().toString(), "snapshot-max-age", "1h")))
          .isInstanceOf(DynamoDbConfigException.class)
          .hasMessageContaining("did not finish within dynamodb.config.timeout=PT0.5S");
    }
  }

  @Test
  void missingTable_isNotCoveredUp_byTheFile() {
    Sources.create(settings(engine.endpoint().toString()));
    engine.deleteTable(ExampleTable.NAME);

    assertThatThrownBy(() -> Sources.create(settings(engine.endpoint().toString())))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageContaining("was not found");
  }

  @Test
  void fileOfAnotherTable_isNotUsed() throws IOException {
    new SnapshotFile(file)
        .save(
            "other-config",
            new Snapshot(Map.of("db_port", "1"), java.util.Set.of()),
            Instant.now());
    try (FaultProxy proxy = FaultProxy.to(engine.endpoint())) {
      proxy.next(1000, FaultProxy.serverError(503));

      assertThatThrownBy(() -> Sources.create(settings(proxy.endpoint().toString())))
          .isInstanceOf(DynamoDbConfigException.class);
    }
  }

  @Test
  void extraTables_keepAFileEach_andEachStartsFromItsOwn() {
    String common = "myapp-common-config";
    engine.deleteTable(common);
    engine.createConfigTable(common);
    engine.putItems(common, List.of(Items.item("log_level", Items.s("INFO"))));
    Path commonFile = file.resolveSibling("config.snapshot." + common);

    Sources.create(settings(engine.endpoint().toString()));
    DynamoDbConfigSourceProvider.sources(
        settings(engine.endpoint().toString(), "extra-tables", common + ":260"));

    assertThat(file).content().contains("table=" + ExampleTable.NAME);
    assertThat(commonFile).content().contains("table=" + common).contains("value.log_level=INFO");

    try (FaultProxy proxy = FaultProxy.to(engine.endpoint())) {
      proxy.next(1000, FaultProxy.serverError(503));
      Settings down = settings(proxy.endpoint().toString(), "extra-tables", common + ":260");

      DynamoDbConfigSource main = Sources.create(down);
      List<ConfigSource> extras;
      List<String> warnings;
      try (LogCapture log = LogCapture.start()) {
        extras = DynamoDbConfigSourceProvider.sources(down);
        warnings = log.messages(Level.WARNING);
      }

      assertThat(main.getValue("db_port")).isEqualTo("5432");
      assertThat(extras)
          .singleElement()
          .satisfies(
              extra -> {
                assertThat(extra.getValue("log_level")).isEqualTo("INFO");
                assertThat(extra.getOrdinal()).isEqualTo(260);
              });
      assertThat(warnings)
          .singleElement()
          .asString()
          .startsWith(
              "DDBCFG-0705 DDBCFG-0402 Loading DynamoDB table 'myapp-common-config' in region"
                  + " us-east-1")
          .contains("; starting from the snapshot file " + commonFile + " saved ");
    }
  }
}
