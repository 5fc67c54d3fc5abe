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

import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open Liberty with SmallRye Config: the library as a shared library; the sample application
 * answers over HTTP with values from the table.
 */
class LibertyServerIT extends ServerContract {

  private static final String EXTRA_ROLE = "test-myapp-extra";

  /** The table that only the application {@code webapp-extra} has in its Config. */
  private static final String EXTRA_TABLE = EXTRA_ROLE + "-config";

  private static LocalDynamoDb engine;
  private static Liberty liberty;
  private static ServerProcess server;

  @BeforeAll
  static void start(LocalDynamoDb local) {
    engine = local;
    ExampleTable.create(engine);
    engine.createConfigTable(EXTRA_TABLE);
    engine.put(EXTRA_TABLE, "extra_flag", s("off"));
    Path run = Deployment.runDirectory("liberty-shared-library");
    liberty =
        new Liberty(run, "sample")
            .deploy(Deployment.webapp(run))
            .deploy(Deployment.webappWithOrdinal450(run))
            .deploy(Deployment.webappWithExtraTable(run, EXTRA_TABLE));
    server = liberty.start("Open Liberty (shared library)", Deployment.systemProperties(engine));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  String url() {
    return liberty.url();
  }

  @Override
  Path log() {
    return liberty.messagesLog();
  }

  @Override
  String systemPropertySource() {
    return "SysPropConfigSource";
  }

  @Test
  void ordinalOfTheApplicationsFile_isHonoured() {
    assertThat(settings("webapp-ordinal")).containsEntry("db_host", "my.test.server");
    assertThat(source("webapp-ordinal", "db_host")).isEqualTo(Deployment.SOURCE + " (ordinal 450)");
  }

  @Test
  void twoApplications_eachGetTheChangesOfTheirOwnConfig_only() throws InterruptedException {
    String one = url() + "/webapp/api/live";
    String two = url() + "/webapp-extra/api/live";
    LiveChange.await(one, "refresh-scoped db_name=", deploymentTime());
    LiveChange.await(two, "refresh-scoped db_name=", deploymentTime());

    LiveChange.set(engine, EXTRA_ROLE, "extra_flag", "on");
    LiveChange.await(
        two,
        "changed " + EXTRA_TABLE + ": extra_flag\n",
        Deployment.REFRESH_INTERVAL.plusSeconds(10));
    // The first application's sources refresh on the same interval: give them two more.
    Thread.sleep(Deployment.REFRESH_INTERVAL.multipliedBy(2).toMillis());

    assertThat(Http.get(one).body())
        .as("the application without the extra table")
        .doesNotContain(EXTRA_TABLE);
  }

  @Test
  void unreachableTable_failsTheDeployment_withOurMessage() {
    Path run = Deployment.runDirectory("liberty-unreachable");
    Liberty unreachable = new Liberty(run, "unreachable").deploy(Deployment.webapp(run));
    try (ServerProcess failing =
        unreachable.start(
            "Open Liberty (unreachable table)", Deployment.unreachableSystemProperties(engine))) {
      assertThat(
              ServerProcess.awaitLine(
                  unreachable.messagesLog(),
                  Pattern.compile("CWWKZ0002E|CWWKZ0004E|CWWKZ0001I"),
                  Duration.ofSeconds(60)))
          .isTrue();

      // messages.log names the failed application; the incident report (FFDC) has the cause.
      assertThat(ServerProcess.read(unreachable.messagesLog()))
          .doesNotContain("CWWKZ0001I")
          .contains("CWWKZ0002E: An exception occurred while starting the application webapp.");
      assertThat(unreachable.incidentReports()).containsPattern(Deployment.UNREACHABLE_MESSAGE);
      assertThat(Http.get(unreachable.url() + "/webapp/api/settings").status()).isEqualTo(404);
    }
  }
}
