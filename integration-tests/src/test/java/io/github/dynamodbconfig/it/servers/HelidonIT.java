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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Helidon MP 4, the MicroProfile Config implementation of Helidon (not SmallRye): the CDI
 * application of {@code src/test/helidon-app} (helidon-microprofile-cdi and -config, the library as
 * a plain dependency) built with Maven, then run as {@code io.helidon.microprofile.cdi.Main}
 * against the local DynamoDB engine. Helidon 4 needs Java 21 or newer: the application runs on this
 * test's JDK when it is one, else on a newer JDK of the machine ({@code /usr/lib/jvm}); without one
 * the tests are skipped, and say so.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class HelidonIT {

  private static final int HELIDON_JAVA = 21;

  /** The name of Helidon's system property source. */
  private static final String SYSTEM_PROPERTIES = "System Properties";

  private static final Pattern STARTED = Pattern.compile("(?m)^started$");

  private static Path output;
  private static ServerProcess application;

  @BeforeAll
  static void start(LocalDynamoDb engine) {
    String version = System.getProperty("helidon.version");
    Optional<Path> java = javaAtLeast(HELIDON_JAVA);
    if (java.isEmpty()) {
      String skipped =
          "Helidon MP "
              + version
              + " needs Java "
              + HELIDON_JAVA
              + " or newer; this is Java "
              + Runtime.version().feature()
              + " and /usr/lib/jvm has none: HelidonIT skipped";
      System.out.println("[servers] " + skipped);
      Assumptions.abort(skipped);
    }
    ExampleTable.create(engine);
    Path run = Deployment.runDirectory("helidon");
    MavenBuild build =
        MavenBuild.packageProject(
            "Helidon MP " + version + " application",
            Deployment.path("helidon-app.dir"),
            run,
            java.get(),
            Map.of("helidon.version", version, "dynamodb-config.version", libraryVersion()),
            Deployment.environment());
    Path target = build.project().resolve("target");
    List<String> command = new ArrayList<>();
    command.add(java.get().resolve("bin/java").toString());
    command.addAll(Deployment.asArguments(Deployment.systemProperties(engine)));
    command.addAll(
        List.of(
            "-cp",
            target.resolve("helidon-app.jar") + ":" + target.resolve("libs") + "/*",
            "io.helidon.microprofile.cdi.Main"));
    output = run.resolve("helidon.log");
    application =
        ServerProcess.start(
                "Helidon MP " + version + " on " + java.get(),
                command,
                run,
                Deployment.environment(),
                output)
            .awaitStarted(output, STARTED);
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
  }

  private static String libraryVersion() {
    return System.getProperty("library.version");
  }

  /**
   * This JVM's home when it is Java {@code feature} or newer, else the newest such JDK of {@code
   * /usr/lib/jvm}.
   */
  private static Optional<Path> javaAtLeast(int feature) {
    if (Runtime.version().feature() >= feature) {
      return Optional.of(Path.of(System.getProperty("java.home")));
    }
    try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
      return homes
          .filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> featureVersion(home) >= feature)
          .max(Comparator.comparingInt(HelidonIT::featureVersion));
    } catch (IOException e) {
      if (Files.notExists(Path.of("/usr/lib/jvm"))) {
        return Optional.empty();
      }
      throw new UncheckedIOException(e);
    }
  }

  /** The Java feature version in a JDK's {@code release} file, 0 when it has none. */
  private static int featureVersion(Path home) {
    Matcher m =
        Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)")
            .matcher(ServerProcess.read(home.resolve("release")));
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String output() {
    return ServerProcess.read(output);
  }

  @Test
  void tablesValues_areInjected() {
    assertThat(output())
        .contains("db_port=5432 (int)")
        .contains("debug=true (boolean)")
        .contains("db_name=my_db")
        .contains("db_pass=set")
        .contains("greeting=Hello from microprofile-config.properties")
        .contains(
            "Loaded DynamoDB table '"
                + ExampleTable.NAME
                + "' (role '"
                + ExampleTable.ROLE
                + "' from setting dynamodb.config.role, region us-east-1)");
  }

  @Test
  void defaultOrdinal_putsTheTableBetweenTheApplicationsFileAndSystemProperties() {
    assertThat(output())
        .contains("source db_port=" + Deployment.SOURCE + " (ordinal 270)")
        .containsPattern("source greeting=.* \\(ordinal 100\\)");
  }

  @Test
  void systemProperty_overridesTheTable() {
    assertThat(output())
        .contains("db_host=localhost")
        .contains("source db_host=" + SYSTEM_PROPERTIES + " (ordinal 400)");
  }

  @Test
  void overriddenValues_areReported_secretsMasked() {
    Pattern report = Pattern.compile("db_pass: DynamoDB value overridden by ");
    assertThat(ServerProcess.awaitLine(output, report, Duration.ofSeconds(30)))
        .as("the override report in:\n%s", output())
        .isTrue();
    assertThat(output())
        .contains(
            "db_host: DynamoDB value overridden by "
                + SYSTEM_PROPERTIES
                + " (ordinal 400); table '"
                + ExampleTable.NAME
                + "' has 'my.test.server', the application gets 'localhost'")
        .contains(
            "db_pass: DynamoDB value overridden by "
                + SYSTEM_PROPERTIES
                + " (ordinal 400); table '"
                + ExampleTable.NAME
                + "' has ***, the application gets ***")
        .doesNotContain(Deployment.DEV_PASSWORD)
        .doesNotContain(ExampleTable.DB_PASS);
  }

  @Test
  void aChangeByTheTool_reachesRefreshScopedBeans_andTheObserver_withoutARestart(
      LocalDynamoDb engine) {
    LiveChange.set(engine, "db_name", "live_db");
    long start = System.nanoTime();
    try {
      Pattern live =
          Pattern.compile("(?m)^watch refresh-scoped db_name=live_db .* changes=\\[.+\\]$");
      assertThat(ServerProcess.awaitLine(output, live, Duration.ofSeconds(30)))
          .as("the changed db_name within 30 s:\n%s", output())
          .isTrue();
      System.out.println(
          "[servers] HelidonIT: the tool's change reached the refresh-scoped bean within "
              + Duration.ofNanos(System.nanoTime() - start).toMillis()
              + " ms after the tool returned (a 200 ms watch)");
      assertThat(live.matcher(output()).results().findFirst().orElseThrow().group())
          .startsWith("watch refresh-scoped db_name=live_db closed=")
          .endsWith(
              " application-scoped db_name=my_db changes=[" + ExampleTable.NAME + ": db_name]");
      // The old instance is closed (its PreDestroy run) once the call in progress on it, if
      // any, has returned.
      String closed =
          "watch refresh-scoped db_name=live_db closed=1 application-scoped db_name=my_db changes=["
              + ExampleTable.NAME
              + ": db_name]";
      assertThat(ServerProcess.awaitLine(output, exactLine(closed), Duration.ofSeconds(5)))
          .as("the old instance closed:\n%s", output())
          .isTrue();
    } finally {
      LiveChange.set(engine, "db_name", "my_db");
    }
    assertThat(output()).doesNotContain(ExampleTable.DB_PASS, Deployment.DEV_PASSWORD);
  }

  private static Pattern exactLine(String line) {
    return Pattern.compile("(?m)^" + Pattern.quote(line) + "$");
  }
}
