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
package io.github.dynamodbconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SecretGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as {@code java -jar} in a process of its own. */
@ExtendWith(LocalDynamoDbExtension.class)
class PackagedJarIT {

  private final LocalDynamoDb engine;
  @TempDir Path dir;

  PackagedJarIT(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @Test
  void javaJar_initsImportsAndDiffs_withExitCodes() throws Exception {
    String endpoint = engine.endpoint().toString();
    Path test =
        Files.writeString(dir.resolve("test.properties"), "db_host=db.test\nfeature.x=on\n");
    Path prod = Files.writeString(dir.resolve("prod.properties"), "db_host=db.prod\n");

    CliRun.Result help = Processes.tool("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: dynamodb-config", "init", "import", "check");

    CliRun.Result init = Processes.tool("init", "--role", "jar-test", "--endpoint", endpoint);
    assertThat(init.code()).as(init.all()).isZero();
    assertThat(init.out()).startsWith("Created table 'jar-test-config'");
    assertThat(init.err()).isEmpty();
    assertThat(Processes.tool("init", "--role", "jar-prod", "--endpoint", endpoint).code())
        .isZero();

    CliRun.Result imported =
        Processes.tool("import", "--role", "jar-test", "--endpoint", endpoint, test.toString());
    assertThat(imported.code()).as(imported.all()).isZero();
    assertThat(imported.out()).endsWith("Wrote 2 changes to table 'jar-test-config'\n");
    assertThat(
            Processes.tool("import", "--role", "jar-prod", "--endpoint", endpoint, prod.toString())
                .code())
        .isZero();

    CliRun.Result diff = Processes.tool("diff", "jar-test", "jar-prod", "--endpoint", endpoint);
    assertThat(diff.code()).isEqualTo(1);
    assertThat(diff.out()).contains("Only in jar-test-config (1):\n  feature.x\n");
    SecretGuard.checkOutput("stdout of java -jar dynamodb-config diff", diff.out());

    CliRun.Result usage = Processes.tool("diff", "only-one");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err()).startsWith("Missing required parameter: 'B'");
  }
}
