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
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro with Payara's own MicroProfile Config implementation (not SmallRye): the library
 * through {@code --addlibs}; the sample application answers over HTTP with values from the table.
 */
class PayaraMicroServerIT extends ServerContract {

  private static LocalDynamoDb engine;
  private static PayaraMicro payara;
  private static ServerProcess server;

  @BeforeAll
  static void start(LocalDynamoDb local) {
    engine = local;
    ExampleTable.create(engine);
    Path run = Deployment.runDirectory("payara-micro-addlibs");
    payara =
        new PayaraMicro(run)
            .deploy(Deployment.webapp(run))
            .deploy(Deployment.webappWithOrdinal450(run));
    server = payara.start("Payara Micro (--addlibs)", Deployment.systemProperties(engine));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  String url() {
    return payara.url();
  }

  @Override
  Path log() {
    return payara.log();
  }

  @Override
  String systemPropertySource() {
    return "SystemProperty";
  }

  @Test
  void ordinalOfTheApplicationsFile_isHonoured() {
    assertThat(settings("webapp-ordinal")).containsEntry("db_host", "my.test.server");
    assertThat(source("webapp-ordinal", "db_host")).isEqualTo(Deployment.SOURCE + " (ordinal 450)");
  }

  @Test
  void unreachableTable_failsTheDeployment_withOurMessage() {
    Path run = Deployment.runDirectory("payara-micro-unreachable");
    PayaraMicro unreachable = new PayaraMicro(run).deploy(Deployment.webapp(run));
    try (ServerProcess failing =
        unreachable.start(
            "Payara Micro (unreachable table)", Deployment.unreachableSystemProperties(engine))) {
      // Payara reports the failed deployment and is "ready" anyway: the application answers 404.
      assertThat(ServerProcess.read(unreachable.log()))
          .contains("Exception during lifecycle processing")
          .containsPattern(Deployment.UNREACHABLE_MESSAGE);
      assertThat(Http.get(unreachable.url() + "/webapp/api/settings").status()).isEqualTo(404);
    }
  }
}
