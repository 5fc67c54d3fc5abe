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
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the server tests deploy and how they configure the server JVMs: the paths the build prepared
 * (failsafe system properties), the sample WAR and its variants, and the system properties an
 * operator sets.
 */
final class Deployment {

  /** How often the servers' sources refresh. */
  static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

  /** The table's name in every message of the library about it. */
  static final String TABLE = ExampleTable.NAME;

  /** The name of the role table's source, as {@code ConfigValue.getSourceName()} gives it. */
  static final String SOURCE =
      "DynamoDbConfigSource[table=" + ExampleTable.NAME + ", role=" + ExampleTable.ROLE + "]";

  /**
   * The library's exception when the table's endpoint does not answer, as the server reports it:
   * its message names table, role and region (the SDK's retries of the refused connection may end
   * first, or the time budget).
   */
  static final Pattern UNREACHABLE_MESSAGE =
      Pattern.compile(
          "io\\.github\\.dynamodbconfig\\.DynamoDbConfigException: [^\\n]*table '"
              + ExampleTable.NAME
              + "' \\(role '"
              + ExampleTable.ROLE
              + "'\\) in region us-east-1");

  /** The lines the library logged: those of its loggers, {@code io.github.dynamodbconfig.*}. */
  static String libraryLines(String log) {
    return log.lines()
        .filter(line -> line.contains("io.github.dynamodbconfig."))
        .collect(Collectors.joining("\n"));
  }

  /** The development override of {@code db_pass}, which must never be printed. */
  static final String DEV_PASSWORD = "devPassword42";

  private Deployment() {}

  static Path path(String systemProperty) {
    String value = System.getProperty(systemProperty);
    if (value == null) {
      throw new IllegalStateException(
          "System property " + systemProperty + " is not set: run the tests through Maven");
    }
    return Path.of(value);
  }

  /** The library jar and its runtime dependencies (the server-lib zip, unpacked). */
  static List<Path> serverLib() {
    try (Stream<Path> jars = Files.list(path("server-lib.dir"))) {
      List<Path> list = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
      if (list.stream().noneMatch(p -> p.getFileName().toString().startsWith("dynamodb-config-"))) {
        throw new IllegalStateException("No library jar in " + path("server-lib.dir"));
      }
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh working directory for one server run under {@code target/server-runs}. */
  static Path runDirectory(String name) {
    Path dir = path("servers.dir").resolveSibling("server-runs").resolve(name);
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample application, unchanged: {@code webapp.war} in {@code dir}. */
  static Path webapp(Path dir) {
    return export(sample(), dir.resolve("webapp.war"));
  }

  /**
   * The sample application with {@code dynamodb.config.ordinal=450} in its {@code
   * microprofile-config.properties}: {@code webapp-ordinal.war} in {@code dir}.
   */
  static Path webappWithOrdinal450(Path dir) {
    return export(withProperty("dynamodb.config.ordinal=450"), dir.resolve("webapp-ordinal.war"));
  }

  /**
   * The sample application with {@code dynamodb.config.extra-tables=table} in its {@code
   * microprofile-config.properties}: {@code webapp-extra.war} in {@code dir}, a second application
   * whose {@code Config} has one more table.
   */
  static Path webappWithExtraTable(Path dir, String table) {
    return export(
        withProperty("dynamodb.config.extra-tables=" + table), dir.resolve("webapp-extra.war"));
  }

  private static WebArchive withProperty(String line) {
    WebArchive war = sample();
    String path = "WEB-INF/classes/META-INF/microprofile-config.properties";
    String properties =
        new String(readAll(war.get(path).getAsset().openStream()), StandardCharsets.UTF_8);
    war.delete(path);
    war.add(new StringAsset(properties + line + "\n"), path);
    return war;
  }

  /** The sample application with the library and its dependencies in {@code WEB-INF/lib}. */
  static Path webappWithLibrary(Path dir) {
    WebArchive war = sample();
    for (Path jar : serverLib()) {
      war.addAsLibrary(jar.toFile());
    }
    return export(war, dir.resolve("webapp.war"));
  }

  private static WebArchive sample() {
    return ShrinkWrap.create(ZipImporter.class, "webapp.war")
        .importFrom(path("webapp.war").toFile())
        .as(WebArchive.class);
  }

  private static Path export(WebArchive war, Path file) {
    war.as(ZipExporter.class).exportTo(file.toFile(), true);
    return file;
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The system properties of a server JVM that reads the example table from {@code engine}, as an
   * operator sets them in development: endpoint, region, role, the local engine's dummy
   * credentials, a refresh every {@link #REFRESH_INTERVAL}, and {@code db_host} and {@code db_pass}
   * overridden.
   */
  static Map<String, String> systemProperties(LocalDynamoDb engine) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("dynamodb.config.endpoint", engine.endpoint().toString());
    properties.put("dynamodb.config.region", LocalDynamoDb.REGION.id());
    properties.put("dynamodb.config.role", ExampleTable.ROLE);
    properties.put("aws.accessKeyId", LocalDynamoDb.ACCESS_KEY_ID);
    properties.put("aws.secretAccessKey", LocalDynamoDb.SECRET_ACCESS_KEY);
    properties.put("dynamodb.config.refresh-interval", REFRESH_INTERVAL.toSeconds() + "s");
    properties.put("db_host", "localhost");
    properties.put("db_pass", DEV_PASSWORD);
    return properties;
  }

  /**
   * The system properties of a server JVM whose table cannot be reached: the endpoint is a loopback
   * port nobody listens on, the table is required, and the time budget is short.
   */
  static Map<String, String> unreachableSystemProperties(LocalDynamoDb engine) {
    Map<String, String> properties = systemProperties(engine);
    properties.put("dynamodb.config.endpoint", "http://127.0.0.1:" + freePort());
    properties.put("dynamodb.config.required", "true");
    properties.put("dynamodb.config.timeout", "3s");
    return properties;
  }

  /** The environment of every server process: no EC2 instance metadata lookups. */
  static Map<String, String> environment() {
    return Map.of("AWS_EC2_METADATA_DISABLED", "true");
  }

  /** {@code -Dkey=value} arguments. */
  static List<String> asArguments(Map<String, String> properties) {
    List<String> arguments = new ArrayList<>();
    properties.forEach((key, value) -> arguments.add("-D" + key + "=" + value));
    return arguments;
  }

  /** A port of 127.0.0.1 that is free now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code port} of 127.0.0.1 can be bound now. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The sample's settings under {@code url}/{@code context}, once it answers 200 within {@code
   * wait}.
   */
  static Map<String, String> awaitSettings(String url, String context, Duration wait) {
    Http.Answer answer = Http.awaitOk(url + "/" + context + "/api/settings", wait);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return settings(answer.body());
  }

  /** The source the application gets {@code key} from, as the sample names it. */
  static String source(String url, String context, String key) {
    return Http.get(url + "/" + context + "/api/settings/" + key + "/source").body().trim();
  }

  /** Parses the sample's {@code name=value} lines. */
  static Map<String, String> settings(String body) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String line : body.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        settings.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return settings;
  }
}
