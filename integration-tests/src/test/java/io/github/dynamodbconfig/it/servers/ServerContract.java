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
package io.github.dynamodbconfig.it.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every application server must show with the library on its class path and the sample
 * application deployed as {@code webapp}: the table's values injected, a system property over the
 * table, the default ordinal, and the CDI extension's override report with secrets masked. Each
 * server's test class starts its server once and supplies the hooks for what differs per server; it
 * adds its own tests for the ways it can hold the library.
 */
@ExtendWith(LocalDynamoDbExtension.class)
abstract class ServerContract {

  /** The server's base URL, e.g. {@code http://127.0.0.1:8080}. */
  abstract String url();

  /** The log file in which the server writes the application's log lines. */
  abstract Path log();

  /** The name of the server's system property source, as its Config implementation calls it. */
  abstract String systemPropertySource();

  /** How long the deployment may take to answer. */
  Duration deploymentTime() {
    return Duration.ofSeconds(60);
  }

  final Map<String, String> settings(String context) {
    return Deployment.awaitSettings(url(), context, deploymentTime());
  }

  final String source(String context, String key) {
    return Deployment.source(url(), context, key);
  }

  @Test
  void tablesValues_areInjected() {
    assertThat(settings("webapp"))
        .containsEntry("db_port", "5432")
        .containsEntry("db_user", "my_username")
        .containsEntry("debug", "true")
        .containsEntry("db_name", "my_db")
        .containsEntry("db_pass", "set")
        .containsEntry("greeting", "Hello from the application's defaults");
    assertThat(source("webapp", "db_port")).isEqualTo(Deployment.SOURCE + " (ordinal 270)");
  }

  @Test
  void systemProperty_overridesTheTable() {
    assertThat(settings("webapp")).containsEntry("db_host", "localhost");
    assertThat(source("webapp", "db_host")).isEqualTo(systemPropertySource() + " (ordinal 400)");
  }

  @Test
  void defaultOrdinal_putsTheTableAboveTheApplicationsFile() {
    assertThat(settings("webapp")).containsEntry("db_name", "my_db");
    assertThat(source("webapp", "db_name")).isEqualTo(Deployment.SOURCE + " (ordinal 270)");
    assertThat(source("webapp", "greeting")).endsWith("(ordinal 100)");
  }

  @Test
  void overriddenValues_areReported_secretsMasked() {
    settings("webapp");
    String log = ServerProcess.read(log());
    String ours = Deployment.libraryLines(log);

    assertThat(ours)
        .contains(
            "db_host: DynamoDB value overridden by "
                + systemPropertySource()
                + " (ordinal 400); table '"
                + Deployment.TABLE
                + "' has 'my.test.server', the application gets 'localhost'")
        .contains(
            "db_pass: DynamoDB value overridden by "
                + systemPropertySource()
                + " (ordinal 400); table '"
                + Deployment.TABLE
                + "' has ***, the application gets ***")
        .doesNotContain(Deployment.DEV_PASSWORD);
    // The table's secret is in no line of the server's log, ours or not.
    assertThat(log).doesNotContain(ExampleTable.DB_PASS);
  }

  @Test
  void aChangedSetting_reachesRefreshScopedBeans_withoutARestart(LocalDynamoDb engine) {
    settings("webapp");
    String live = url() + "/webapp/api/live";
    int closedBefore =
        closedInstances(
            LiveChange.await(live, "refresh-scoped db_name=my_db", deploymentTime()).body());
    try {
      LiveChange.set(engine, "db_name", "live_db");
      LiveChange.Seen seen =
          LiveChange.await(
              live, "refresh-scoped db_name=live_db", Deployment.REFRESH_INTERVAL.plusSeconds(10));
      // The event is fired just after the stale beans were retired: a request in between sees
      // the new value before the observer has noted the change.
      String observed = "changed " + Deployment.TABLE + ": db_name\n";
      String body = LiveChange.await(live, observed, Duration.ofSeconds(10)).body();
      System.out.println(
          "[servers] "
              + getClass().getSimpleName()
              + ": the tool's change reached the refresh-scoped bean "
              + seen.after().toMillis()
              + " ms after the tool returned");

      assertThat(body)
          .as("an application-scoped bean")
          .contains("application-scoped db_name=my_db\n");
      // The old refresh-scoped instance is closed (its PreDestroy run) once the call in progress
      // on it, if any, has returned.
      String closed = "refresh-scoped instances closed=" + (closedBefore + 1) + "\n";
      assertThat(closedInstances(LiveChange.await(live, closed, Duration.ofSeconds(5)).body()))
          .isEqualTo(closedBefore + 1);
      assertThat(body.lines().filter(line -> line.startsWith("changed ")))
          .as("what the CDI observer saw: the name, never the value")
          .containsExactly("changed " + Deployment.TABLE + ": db_name");
    } finally {
      LiveChange.set(engine, "db_name", "my_db");
      LiveChange.await(live, "refresh-scoped db_name=my_db", Duration.ofSeconds(30));
    }
    // The server prints its own system properties (-Ddb_pass among them): only ours are looked at
    // for that one; the table's secret is in no line at all.
    String log = ServerProcess.read(log());
    assertThat(Deployment.libraryLines(log).contains(Deployment.DEV_PASSWORD)).isFalse();
    assertThat(log.contains(ExampleTable.DB_PASS)).isFalse();
  }

  /** How many refresh-scoped instances the webapp's live page says were closed. */
  private static int closedInstances(String livePage) {
    String prefix = "refresh-scoped instances closed=";
    return livePage
        .lines()
        .filter(line -> line.startsWith(prefix))
        .map(line -> Integer.parseInt(line.substring(prefix.length())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no count of closed instances in:\n" + livePage));
  }
}
