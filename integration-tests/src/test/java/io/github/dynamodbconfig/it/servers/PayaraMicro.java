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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Payara Micro, run with the options of {@code docs/servers.md}: the library's jars through {@code
 * --addlibs}, the HTTP listener bound to 127.0.0.1 and the data grid off by pre-boot commands, no
 * clustering and no phone-home.
 */
final class PayaraMicro {

  private static final Pattern STARTED = Pattern.compile("Payara Micro .* ready in ");

  private final Path jar = Deployment.path("payara-micro.jar");
  private final Path run;
  private final int httpPort = Deployment.freePort();
  private final List<Path> wars = new ArrayList<>();

  PayaraMicro(Path run) {
    this.run = run;
  }

  /** Deploys {@code war} at start-up, under its file name as context root. */
  PayaraMicro deploy(Path war) {
    wars.add(war);
    return this;
  }

  /**
   * The pre-boot commands that keep the server on loopback: the HTTP listener bound to 127.0.0.1,
   * and the data grid (Hazelcast, which listens on every interface, port 6900, even with {@code
   * --nocluster}) off.
   */
  static final String LOOPBACK_ONLY =
      "set configs.config.server-config.network-config.network-listeners.network-listener"
          + ".http-listener.address=127.0.0.1\n"
          + "set configs.config.server-config.hazelcast-config-specific-configuration"
          + ".enabled=false\n";

  /**
   * Payara's MicroProfile Config keeps each value it returned for 60 s by default, so that a
   * refresh-scoped bean made again within that time would still get the old one; 0 turns it off.
   */
  static final String NO_CONFIG_CACHE = "set-config-cache --duration=0\n";

  /** Starts {@code java -D... -jar payara-micro.jar --addlibs <dir> --deploy <war> ...}. */
  ServerProcess start(String name, Map<String, String> properties) {
    Path preboot = run.resolve("preboot.asadmin");
    Path lib = run.resolve("dynamodb-config");
    try {
      Files.writeString(preboot, LOOPBACK_ONLY + NO_CONFIG_CACHE);
      Files.createDirectories(lib);
      for (Path jar : Deployment.serverLib()) {
        Files.copy(jar, lib.resolve(jar.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Deployment.asArguments(properties));
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--addlibs",
            lib.toString(),
            "--port",
            Integer.toString(httpPort),
            "--prebootcommandfile",
            preboot.toString(),
            "--nocluster",
            "--disablephonehome",
            "--rootdir",
            run.resolve("root").toString()));
    for (Path war : wars) {
      command.add("--deploy");
      command.add(war.toString());
    }
    Path output = run.resolve("payara.log");
    return ServerProcess.start(name, command, run, Deployment.environment(), output)
        .awaitStarted(output, STARTED);
  }

  /** {@code http://127.0.0.1:<port>}. */
  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** The server's output, its log. */
  Path log() {
    return run.resolve("payara.log");
  }
}
