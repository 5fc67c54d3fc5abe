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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool and the AWS CLI read and write the same batch-write files. CI installs the AWS CLI
 * (Debian's {@code awscli}); elsewhere these tests run when {@code /usr/bin/aws} is there.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class AwsCliIT {

  private final LocalDynamoDb engine;
  private final CliRun cli;
  @TempDir Path dir;

  AwsCliIT(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  @BeforeEach
  void awsCli() {
    boolean required = System.getenv("CI") != null;
    assumeTrue(
        required || Files.isExecutable(Processes.AWS),
        "the AWS CLI is not at " + Processes.AWS + " (CI installs it)");
  }

  private CliRun.Result aws(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(Processes.AWS.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", engine.endpoint().toString(), "--output", "json"));
    return Processes.run(command);
  }

  @Test
  void quickstartsFile_readsTheSameThroughTheAwsCliAndThroughImport() throws Exception {
    Path items = Path.of(System.getProperty("example-items.json"));
    engine.createConfigTable("test-myapp-website-config");
    engine.createConfigTable("interop-import-config");

    CliRun.Result loaded =
        aws("dynamodb", "batch-write-item", "--request-items", "file://" + items);
    assertThat(loaded.code()).as(loaded.all()).isZero();
    CliRun.Result imported = cli.run("import", "--role", "interop-import", items.toString());
    assertThat(imported.code()).as(imported.all()).isZero();

    CliRun.Result diff = cli.run("diff", "table:test-myapp-website-config", "interop-import");
    assertThat(diff.code()).as(diff.all()).isZero();
    assertThat(diff.out()).endsWith("The tables are the same\n");
  }

  @Test
  void exportedBatchWriteFile_loadsWithTheAwsCli_intoAnotherTable() throws Exception {
    engine.createConfigTable("interop-source-config");
    engine.createConfigTable("interop-copy-config");
    Path settings =
        Files.writeString(
            dir.resolve("s.json"),
            "{\"db_port\": 5432, \"debug\": true, \"hosts\": [\"a\", \"b\"],"
                + " \"pool\": {\"min\": 2}, \"db_pass\": \"pw-interop-51d0\"}");
    io.github.dynamodbconfig.testkit.SecretValues.register("db_pass", "pw-interop-51d0");
    assertThat(cli.run("import", "--role", "interop-source", settings.toString()).code()).isZero();

    CliRun.Result exported =
        cli.run(
            "export",
            "--role",
            "interop-source",
            "--format",
            "batch-write",
            "--reveal-secrets",
            "--target-table",
            "interop-copy-config");
    assertThat(exported.code()).isZero();
    Path file = Files.writeString(dir.resolve("copy.json"), exported.out());

    CliRun.Result loaded = aws("dynamodb", "batch-write-item", "--request-items", "file://" + file);
    assertThat(loaded.code()).as(loaded.all()).isZero();
    assertThat(loaded.out()).contains("\"UnprocessedItems\": {}");

    CliRun.Result diff = cli.run("diff", "interop-source", "interop-copy");
    assertThat(diff.code()).as(diff.all()).isZero();
  }
}
