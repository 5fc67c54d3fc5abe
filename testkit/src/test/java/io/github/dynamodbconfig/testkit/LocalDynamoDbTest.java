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
package io.github.dynamodbconfig.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** The local engine serves DynamoDB's API on loopback, and no engine process outlives its JVM. */
class LocalDynamoDbTest {

  @Test
  void engine_servesTablesOnLoopback_andItsProcessEndsWithClose() {
    long pid;
    try (LocalDynamoDb engine = LocalDynamoDb.start()) {
      pid = engine.pid();
      assertThat(engine.endpoint().getHost()).isEqualTo("127.0.0.1");
      engine.createConfigTable("engine-check-config");
      engine.putItems(
          "engine-check-config",
          List.of(Map.of("Parameter", Items.s("db_host"), "Value", Items.s("my.test.server"))));
      assertThat(engine.client().scan(b -> b.tableName("engine-check-config")).items())
          .containsExactly(
              Map.of("Parameter", Items.s("db_host"), "Value", Items.s("my.test.server")));
      assertThat(ProcessHandle.of(pid)).map(ProcessHandle::isAlive).hasValue(true);
    }
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void aStrongScan_isChargedAtTheEventualRate_whichTheTestkitDoublesAsDynamoDbCharges() {
    try (LocalDynamoDb engine = LocalDynamoDb.start();
        DynamoDbClient client = engine.newClient()) {
      engine.createConfigTable("charged-config");
      for (int i = 0; i < 100; i++) {
        engine.put("charged-config", "key-" + i, AttributeValue.fromS("v".repeat(100)));
      }
      double strong = scanUnits(client, true);
      double eventual = scanUnits(client, false);
      double strongGet =
          client
              .getItem(
                  r ->
                      r.tableName("charged-config")
                          .key(Map.of("Parameter", AttributeValue.fromS("key-1")))
                          .consistentRead(true)
                          .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
              .consumedCapacity()
              .capacityUnits();

      // About 12 KB: DynamoDB charges 3 units strongly consistent, 1.5 eventually.
      assertThat(eventual).isEqualTo(1.5);
      assertThat(strong == eventual).isEqualTo(LocalDynamoDb.CHARGES_STRONG_SCANS_AS_EVENTUAL);
      assertThat(LocalDynamoDb.dynamoDbScanUnits(strong, true)).isEqualTo(3.0);
      assertThat(LocalDynamoDb.dynamoDbScanUnits(eventual, false)).isEqualTo(1.5);
      assertThat(strongGet).as("GetItem is charged as DynamoDB charges it").isEqualTo(1.0);
    }
  }

  private static double scanUnits(DynamoDbClient client, boolean consistentRead) {
    return client
        .scan(
            r ->
                r.tableName("charged-config")
                    .consistentRead(consistentRead)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity()
        .capacityUnits();
  }

  @Test
  void aClientThatDropsARequestPartWay_leavesTheEngineServing() throws Exception {
    try (LocalDynamoDb engine = LocalDynamoDb.start()) {
      try (Socket socket = new Socket("127.0.0.1", engine.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                    + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 100\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(100);
        socket.setSoLinger(true, 0); // a reset, as a client timeout gives
      }
      Thread.sleep(200);
      assertThat(engine.client().listTables().tableNames()).isNotNull();
    }
  }

  @Test
  void engineOfAJvmThatIsKilled_endsWithIt() throws Exception {
    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-D" + DynaliteProcess.MODULES_PROPERTY + "=" + DynaliteProcess.modules(),
                EngineOwner.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    long enginePid;
    try (var out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      enginePid = Long.parseLong(out.readLine().trim());
    }
    assertThat(ProcessHandle.of(enginePid).filter(ProcessHandle::isAlive)).isPresent();

    jvm.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no close()

    assertThat(gone(enginePid, Duration.ofSeconds(10))).isTrue();
  }

  private static boolean gone(long pid, Duration within) throws InterruptedException {
    long until = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < until) {
      Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (process.isEmpty()) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** A JVM that starts an engine, prints the engine's process id and waits to be killed. */
  static final class EngineOwner {
    public static void main(String[] args) throws InterruptedException {
      LocalDynamoDb engine = LocalDynamoDb.start();
      System.out.println(engine.pid());
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }

    private EngineOwner() {}
  }
}
