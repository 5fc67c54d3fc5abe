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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Java SE application (SmallRye Config, no CDI) in a process of its own: a change written with
 * the operator's tool reaches its change listener, by name, and its {@code Config}, without a
 * restart.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class JavaSeLiveIT {

  @Test
  void aChangeByTheTool_reachesTheListenerAndTheConfig_withoutARestart(LocalDynamoDb engine) {
    ExampleTable.create(engine);
    Path run = Deployment.runDirectory("java-se-live");
    Path output = run.resolve("output.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Deployment.asArguments(Deployment.systemProperties(engine)));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), JavaSeApp.class.getName()));
    try (ServerProcess app =
        ServerProcess.start(
            "Java SE application", command, run, Deployment.environment(), output)) {
      app.awaitStarted(output, Pattern.compile("(?m)^started$"));
      LiveChange.set(engine, "db_name", "live_db");
      long start = System.nanoTime();
      assertThat(
              ServerProcess.awaitLine(
                  output, Pattern.compile("(?m)^db_name=live_db$"), Duration.ofSeconds(30)))
          .as("the changed db_name within 30 s:\n%s", ServerProcess.read(output))
          .isTrue();
      System.out.println(
          "[servers] JavaSeLiveIT: the tool's change reached the Config within "
              + Duration.ofNanos(System.nanoTime() - start).toMillis()
              + " ms after the tool returned (a 200 ms watch)");
      // The listener is told just after the Config serves the new value.
      assertThat(
              ServerProcess.awaitLine(
                  output, Pattern.compile("(?m)^changed .*$"), Duration.ofSeconds(10)))
          .isTrue();
      assertThat(ServerProcess.read(output).lines().filter(line -> line.startsWith("changed ")))
          .containsExactly("changed " + ExampleTable.NAME + ": [db_name]");
    } finally {
      LiveChange.set(engine, "db_name", "my_db");
    }
    assertThat(ServerProcess.read(output).contains(ExampleTable.DB_PASS)).isFalse();
  }
}
