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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Open Liberty, set up with the steps of {@code docs/servers.md}: the library's jars in {@code
 * usr/shared/resources/dynamodb-config}, a shared library over them, and each application's class
 * loader given it as its common library. The server's user directory is the run directory.
 */
final class Liberty {

  private static final Pattern STARTED = Pattern.compile("CWWKF0011I|CWWKF0012I|CWWKE0005E");

  private final Path home = Deployment.path("liberty.home");
  private final Path userDir;
  private final Path serverDir;
  private final int httpPort = Deployment.freePort();
  private final StringBuilder applications = new StringBuilder();

  Liberty(Path run, String serverName) {
    this.userDir = run.resolve("usr");
    this.serverDir = userDir.resolve("servers").resolve(serverName);
    try {
      Path lib = userDir.resolve("shared/resources/dynamodb-config");
      Files.createDirectories(lib);
      for (Path jar : Deployment.serverLib()) {
        Files.copy(jar, lib.resolve(jar.getFileName()));
      }
      Files.createDirectories(serverDir.resolve("apps"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies {@code war} into {@code apps} and declares it with the shared library. */
  Liberty deploy(Path war) {
    String name = war.getFileName().toString().replace(".war", "");
    try {
      Files.copy(war, serverDir.resolve("apps").resolve(war.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    applications
        .append("  <webApplication id=\"")
        .append(name)
        .append("\" location=\"")
        .append(war.getFileName())
        .append("\" contextRoot=\"/")
        .append(name)
        .append("\">\n")
        .append("    <classloader commonLibraryRef=\"dynamodbConfig\"/>\n")
        .append("  </webApplication>\n");
    return this;
  }

  static String serverXml(String applications) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<server>\n"
        + "  <featureManager>\n"
        + "    <feature>restfulWS-3.1</feature>\n"
        + "    <feature>cdi-4.0</feature>\n"
        + "    <feature>mpConfig-3.1</feature>\n"
        + "  </featureManager>\n"
        + "  <httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\""
        + " httpPort=\"${http.port}\" httpsPort=\"-1\"/>\n"
        + "  <library id=\"dynamodbConfig\">\n"
        + "    <fileset dir=\"${shared.resource.dir}/dynamodb-config\" includes=\"*.jar\"/>\n"
        + "  </library>\n"
        + applications
        + "</server>\n";
  }

  /** Writes server.xml, jvm.options ({@code properties}) and the port, then runs the server. */
  ServerProcess start(String name, Map<String, String> properties) {
    try {
      Files.writeString(serverDir.resolve("server.xml"), serverXml(applications.toString()));
      Files.write(serverDir.resolve("jvm.options"), Deployment.asArguments(properties));
      Files.writeString(serverDir.resolve("bootstrap.properties"), "http.port=" + httpPort + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> environment = new HashMap<>(Deployment.environment());
    environment.put("WLP_USER_DIR", userDir.toString());
    List<String> command =
        List.of(home.resolve("bin/server").toString(), "run", serverDir.getFileName().toString());
    return ServerProcess.start(name, command, home, environment, serverDir.resolve("console.out"))
        .awaitStarted(messagesLog(), STARTED);
  }

  /** {@code http://127.0.0.1:<port>}. */
  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Every incident report (FFDC) of the server, one after the other. */
  String incidentReports() {
    try (var files = Files.list(serverDir.resolve("logs/ffdc"))) {
      StringBuilder reports = new StringBuilder();
      for (Path file : files.sorted().toList()) {
        reports.append(ServerProcess.read(file));
      }
      return reports.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's messages.log, where INFO lines of applications and libraries go. */
  Path messagesLog() {
    return serverDir.resolve("logs/messages.log");
  }
}
