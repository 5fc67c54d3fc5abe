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

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs real processes for the ITs: the tool's packaged jar, and the AWS CLI. */
final class Processes {

  /** The Debian package's AWS CLI (an older one may come first on the PATH). */
  static final Path AWS = Path.of("/usr/bin/aws");

  private Processes() {}

  /** The tool's jar, as the build packaged it. */
  static Path cliJar() {
    return Path.of(System.getProperty("cli.jar", "target/dynamodb-config-cli.jar"));
  }

  /**
   * Runs {@code command} with the local DynamoDB engine's dummy credentials and region; what it
   * printed.
   */
  static CliRun.Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.put("AWS_ACCESS_KEY_ID", LocalDynamoDb.ACCESS_KEY_ID);
    environment.put("AWS_SECRET_ACCESS_KEY", LocalDynamoDb.SECRET_ACCESS_KEY);
    environment.put("AWS_DEFAULT_REGION", LocalDynamoDb.REGION.id());
    environment.put("AWS_REGION", LocalDynamoDb.REGION.id());
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
    environment.put("AWS_PAGER", "");
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("Still running after 2 minutes: " + command);
    }
    return new CliRun.Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  /** {@code java -jar <the tool's jar> args...}. */
  static CliRun.Result tool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(cliJar().toString());
    command.addAll(List.of(args));
    return run(command);
  }
}
