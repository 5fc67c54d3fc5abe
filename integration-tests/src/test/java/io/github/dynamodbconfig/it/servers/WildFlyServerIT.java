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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WildFly with SmallRye Config: the library as a global JBoss module, and in {@code WEB-INF/lib};
 * the sample application answers over HTTP with values from the table.
 */
class WildFlyServerIT extends ServerContract {

  private static LocalDynamoDb engine;
  private static WildFly wildFly;
  private static ServerProcess server;

  @BeforeAll
  static void start(LocalDynamoDb local) {
    engine = local;
    ExampleTable.create(engine);
    Path run = Deployment.runDirectory("wildfly-global-module");
    wildFly = new WildFly(run, true).deploy(Deployment.webapp(run));
    server = wildFly.start("WildFly (global module)", Deployment.systemProperties(engine));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  String url() {
    return wildFly.url();
  }

  @Override
  Path log() {
    return wildFly.serverLog();
  }

  @Override
  String systemPropertySource() {
    return "SysPropConfigSource";
  }

  @Override
  Duration deploymentTime() {
    return Duration.ofSeconds(30);
  }

  @Test
  void webInfLib_injectsTheTablesValues_atTheConfiguredOrdinal() {
    Path run = Deployment.runDirectory("wildfly-web-inf-lib");
    WildFly plain = new WildFly(run, false).deploy(Deployment.webappWithLibrary(run));
    Map<String, String> properties = Deployment.systemProperties(engine);
    properties.put("dynamodb.config.ordinal", "450");
    try (ServerProcess webInfLib = plain.start("WildFly (WEB-INF/lib)", properties)) {
      assertThat(Deployment.awaitSettings(plain.url(), "webapp", Duration.ofSeconds(30)))
          .containsEntry("db_port", "5432")
          .containsEntry("db_name", "my_db")
          // ordinal 450: the table now wins over the system property -Ddb_host=localhost
          .containsEntry("db_host", "my.test.server");
      assertThat(Deployment.source(plain.url(), "webapp", "db_host"))
          .isEqualTo(Deployment.SOURCE + " (ordinal 450)");
    }
  }

  @Test
  void unreachableTable_failsTheDeployment_withOurMessage() throws Exception {
    Path run = Deployment.runDirectory("wildfly-unreachable");
    WildFly unreachable = new WildFly(run, true).deploy(Deployment.webapp(run));
    try (ServerProcess failing =
        unreachable.start(
            "WildFly (unreachable table)", Deployment.unreachableSystemProperties(engine))) {
      assertThat(
              ServerProcess.awaitLine(
                  unreachable.serverLog(), Pattern.compile("WFLYCTL0013"), Duration.ofSeconds(30)))
          .isTrue();

      assertThat(Http.get(unreachable.url() + "/webapp/api/settings").status()).isEqualTo(404);
      assertThat(Files.exists(unreachable.deployments().resolve("webapp.war.failed"))).isTrue();
      assertThat(ServerProcess.read(unreachable.serverLog()))
          .containsPattern(Deployment.UNREACHABLE_MESSAGE);
    }
  }
}
