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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * WildFly, set up with the steps of {@code docs/servers.md}: the library as a JBoss module in
 * {@code modules/io/github/dynamodbconfig/main}, added to the {@code ee} subsystem's global modules
 * with its services; or nothing at all when the application carries the library in {@code
 * WEB-INF/lib}.
 */
final class WildFly {

  static final String MODULE = "io.github.dynamodbconfig";

  private static final Pattern STARTED = Pattern.compile("WFLYSRV0025|WFLYSRV0026");

  private final Path home = Deployment.path("wildfly.home");
  private final Path base;
  private final int portOffset;

  /** A server whose configuration, deployments and logs live in {@code run/standalone}. */
  WildFly(Path run, boolean globalModule) {
    this.base = run.resolve("standalone");
    this.portOffset = freePortOffset();
    try {
      Files.createDirectories(base.resolve("deployments"));
      copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
      if (globalModule) {
        installModule();
        Path xml = base.resolve("configuration/standalone.xml");
        Files.writeString(xml, withGlobalModule(Files.readString(xml)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Step 1 of docs/servers.md: the jars in {@code modules/io/github/dynamodbconfig/main}, with a
   * {@code module.xml} that names each of them.
   */
  private void installModule() throws IOException {
    Path dir = home.resolve("modules/" + MODULE.replace('.', '/') + "/main");
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
    StringBuilder resources = new StringBuilder();
    for (Path jar : Deployment.serverLib()) {
      if (jar.getFileName().toString().startsWith("slf4j-api-")) {
        continue; // the server's own org.slf4j module instead, so the SDK logs into server.log
      }
      Files.copy(jar, dir.resolve(jar.getFileName()));
      resources.append("    <resource-root path=\"").append(jar.getFileName()).append("\"/>\n");
    }
    Files.writeString(dir.resolve("module.xml"), moduleXml(resources.toString()));
  }

  static String moduleXml(String resources) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<module xmlns=\"urn:jboss:module:1.9\" name=\""
        + MODULE
        + "\">\n"
        + "  <resources>\n"
        + resources
        + "  </resources>\n"
        + "  <dependencies>\n"
        + "    <module name=\"org.eclipse.microprofile.config.api\"/>\n"
        + "    <module name=\"jakarta.enterprise.api\"/>\n"
        + "    <module name=\"org.slf4j\"/>\n"
        + "  </dependencies>\n"
        + "</module>\n";
  }

  /** Step 2 of docs/servers.md: the module among the {@code ee} subsystem's global modules. */
  static String withGlobalModule(String standaloneXml) {
    Pattern ee = Pattern.compile("<subsystem xmlns=\"urn:jboss:domain:ee:[0-9.]+\">");
    var matcher = ee.matcher(standaloneXml);
    if (!matcher.find()) {
      throw new IllegalStateException("No ee subsystem in standalone.xml");
    }
    return standaloneXml.substring(0, matcher.end())
        + "\n            <global-modules>\n"
        + "                <module name=\""
        + MODULE
        + "\" services=\"true\" annotations=\"true\"/>\n"
        + "            </global-modules>"
        + standaloneXml.substring(matcher.end());
  }

  /** Copies {@code war} into the deployments directory: deployed at start-up. */
  WildFly deploy(Path war) {
    try {
      Files.copy(
          war,
          base.resolve("deployments").resolve(war.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code bin/standalone.sh} bound to 127.0.0.1 with {@code properties}. */
  ServerProcess start(String name, Map<String, String> properties) {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/standalone.sh").toString());
    command.add("-Djboss.server.base.dir=" + base);
    command.add("-b=127.0.0.1");
    command.add("-bmanagement=127.0.0.1");
    command.add("-Djboss.socket.binding.port-offset=" + portOffset);
    command.addAll(Deployment.asArguments(properties));
    Path console = base.resolve("console.log");
    return ServerProcess.start(name, command, home, Deployment.environment(), console)
        .awaitStarted(console, STARTED);
  }

  /** {@code http://127.0.0.1:<port>}. */
  String url() {
    return "http://127.0.0.1:" + (8080 + portOffset);
  }

  /** The server's log file. */
  Path serverLog() {
    return base.resolve("log/server.log");
  }

  /** The deployments directory, where a failed deployment leaves a {@code .failed} marker. */
  Path deployments() {
    return base.resolve("deployments");
  }

  private static int freePortOffset() {
    int[] ports = {8080, 8443, 9990, 9993, 8009, 4712, 4713};
    for (int attempt = 0; attempt < 100; attempt++) {
      int offset = ThreadLocalRandom.current().nextInt(10_000, 50_000);
      boolean free = true;
      for (int port : ports) {
        free &= Deployment.isFree(port + offset);
      }
      if (free) {
        return offset;
      }
    }
    throw new IllegalStateException("No free port offset for WildFly");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
