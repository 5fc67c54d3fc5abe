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

import static io.github.dynamodbconfig.testkit.Items.item;
import static io.github.dynamodbconfig.testkit.Items.l;
import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.BlackHole;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.InstanceMetadataServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Quarkus in JVM mode: the command-mode application of {@code src/test/quarkus-app} (quarkus-arc,
 * the library as a plain dependency) built with {@code quarkus-maven-plugin} while EC2 instance
 * metadata points at a local metadata server, then run as {@code java -jar quarkus-run.jar} against
 * the local DynamoDB engine. The build must not call instance metadata; the application must load
 * the table, from a setting or from the instance's tag.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class QuarkusIT {

  private static final String ROLE = "test-myapp-quarkus";
  private static final String TABLE = ROLE + "-config";
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  private static final String IDLE_LINE =
      "DynamoDB config source idle: Quarkus is building the application";

  private static LocalDynamoDb engine;
  private static InstanceMetadataServer metadata;
  private static MavenBuild build;
  private static List<InstanceMetadataServer.Request> buildRequests;
  private static int buildDynamoDbConnections;

  @BeforeAll
  static void buildTheApplication(LocalDynamoDb local) {
    engine = local;
    engine.createConfigTable(TABLE);
    List<Map<String, AttributeValue>> items = new ArrayList<>(ExampleTable.items());
    items.add(item("db_replicas", l(s("replica-1.test.internal"), s("replica-2.test.internal"))));
    engine.putItems(TABLE, items);
    metadata =
        InstanceMetadataServer.start()
            .region(LocalDynamoDb.REGION.id())
            .tag("Environment-role", ROLE);
    Path run = Deployment.runDirectory("quarkus");
    try (BlackHole dynamoDb = BlackHole.open()) {
      build =
          MavenBuild.packageProject(
              "Quarkus " + System.getProperty("quarkus.version") + " application",
              Deployment.path("quarkus-app.dir"),
              run,
              Path.of(System.getProperty("java.home")),
              Map.of(
                  "quarkus.version", System.getProperty("quarkus.version"),
                  "dynamodb-config.version", System.getProperty("library.version")),
              buildEnvironment(run, dynamoDb));
      buildRequests = List.copyOf(metadata.requests());
      buildDynamoDbConnections = dynamoDb.connections();
    }
    System.out.println(
        "[servers] during the Quarkus build: "
            + buildRequests.size()
            + " instance metadata requests, "
            + buildDynamoDbConnections
            + " connections to DynamoDB");
  }

  /**
   * What would make a source that loads during the build call AWS, or fail the build: instance
   * metadata on, at the local server with the role's tag; an extra table for the provider, at a
   * DynamoDB endpoint that counts connections; a short time budget. And the library's DEBUG lines
   * in the build's log, to see that Quarkus did create the source during the build.
   */
  private static Map<String, String> buildEnvironment(Path run, BlackHole dynamoDb) {
    Path logging = run.resolve("build-logging.properties");
    try {
      Files.writeString(
          logging,
          "handlers=java.util.logging.ConsoleHandler\n"
              + "java.util.logging.ConsoleHandler.level=FINE\n"
              + "io.github.dynamodbconfig.level=FINE\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> environment = new LinkedHashMap<>(onInstance());
    environment.put("DYNAMODB_CONFIG_EXTRA_TABLES", "test-myapp-quarkus-shared-config");
    environment.put("DYNAMODB_CONFIG_ENDPOINT", dynamoDb.endpoint().toString());
    environment.put("DYNAMODB_CONFIG_TIMEOUT", "PT2S");
    environment.put("MAVEN_OPTS", "-Djava.util.logging.config.file=" + logging);
    return environment;
  }

  @AfterAll
  static void stop() {
    if (metadata != null) {
      metadata.close();
    }
  }

  /** The environment of a process on the local "EC2 instance": metadata on, at our server. */
  private static Map<String, String> onInstance() {
    return Map.of(
        "AWS_EC2_METADATA_DISABLED",
        "false",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT",
        metadata.endpoint().toString());
  }

  /**
   * A developer's settings: the table's role, the local DynamoDB engine, and {@code db_host}
   * overridden.
   */
  private static Map<String, String> withRole() {
    Map<String, String> properties = new LinkedHashMap<>(withoutRole());
    properties.put("dynamodb.config.role", ROLE);
    properties.put("db_host", "localhost");
    return properties;
  }

  private static Map<String, String> withoutRole() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("dynamodb.config.endpoint", engine.endpoint().toString());
    properties.put("dynamodb.config.region", LocalDynamoDb.REGION.id());
    properties.put("aws.accessKeyId", LocalDynamoDb.ACCESS_KEY_ID);
    properties.put("aws.secretAccessKey", LocalDynamoDb.SECRET_ACCESS_KEY);
    return properties;
  }

  @Test
  void build_callsNoAws_andLogsNothingOfTheSource_butThatItIsIdle() {
    assertThat(buildRequests).isEmpty();
    assertThat(buildDynamoDbConnections).isZero();
    String log = build.log();
    assertThat(log)
        .contains("BUILD SUCCESS")
        .contains(IDLE_LINE)
        .doesNotContain(ExampleTable.DB_PASS);
    // Besides the idle line (and its logger's header line), no line of the build's log names the
    // library or DynamoDB: no warning, no error, no stack trace.
    List<String> lines = log.lines().toList();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      boolean idle = lines.get(i).contains(IDLE_LINE);
      boolean header = i + 1 < lines.size() && lines.get(i + 1).contains(IDLE_LINE);
      if (!idle && !header && !lines.get(i).contains("io.github.dynamodbconfig.it:quarkus-app")) {
        others.add(lines.get(i));
      }
    }
    assertThat(others).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains("dynamodb"));
  }

  @Test
  void tablesValues_areInjected_asStringIntBooleanAndList() {
    String output = runToEnd(withRole(), Deployment.environment());
    assertThat(output)
        .contains("db_port=5432 (int)")
        .contains("debug=true (boolean)")
        .contains(
            "db_replicas=[replica-1.test.internal, replica-2.test.internal] (List, 2 elements)")
        .contains("db_name=my_db")
        .contains("db_pass=set")
        .contains("greeting=Hello from application.properties")
        .contains(
            "Loaded DynamoDB table '"
                + TABLE
                + "' (role '"
                + ROLE
                + "' from setting dynamodb.config.role, region us-east-1)");
  }

  @Test
  void defaultOrdinal_putsTheTableAboveApplicationProperties_andBelowSystemProperties() {
    String output = runToEnd(withRole(), Deployment.environment());
    assertThat(output)
        .contains(
            "source db_port=DynamoDbConfigSource[table="
                + TABLE
                + ", role="
                + ROLE
                + "] (ordinal 270)")
        .containsPattern("source greeting=.*application\\.properties.* \\(ordinal 250\\)");
  }

  @Test
  void systemProperty_overridesTheTable_andTheLibrarysBeanReportsIt() {
    String output = runToEnd(withRole(), Deployment.environment());
    assertThat(output)
        .contains("db_host=localhost")
        .contains("source db_host=SysPropConfigSource (ordinal 400)")
        .contains(
            "DDBCFG-0801 db_host: DynamoDB value overridden by SysPropConfigSource (ordinal 400);"
                + " table '"
                + TABLE
                + "' has 'my.test.server', the application gets 'localhost'");
  }

  @Test
  void roleFromTheInstanceTag_isFoundWhenTheApplicationStarts() {
    metadata.clearRequests();
    String output = runToEnd(withoutRole(), onInstance());
    assertThat(output)
        .contains("db_host=my.test.server")
        .contains("db_port=5432 (int)")
        .contains(
            "Loaded DynamoDB table '"
                + TABLE
                + "' (role '"
                + ROLE
                + "' from EC2 tag Environment-role via instance metadata");
    assertThat(metadata.tokenRequests()).isPositive();
  }

  @Test
  void aChangeByTheTool_reachesProviderAndRefreshScopedBeans_andTheObserver_withoutARestart() {
    Map<String, String> properties = withRole();
    properties.put("dynamodb.config.refresh-interval", "1s");
    Path run = Deployment.runDirectory("quarkus-refresh");
    Path output = run.resolve("output.log");
    try (ServerProcess app =
        ServerProcess.start(
            "Quarkus application (watch)",
            command(properties, "watch"),
            run,
            Deployment.environment(),
            output)) {
      app.awaitStarted(output, Pattern.compile("(?m)^started$"));
      assertThat(ServerProcess.read(output)).contains("db_name=my_db\n");
      LiveChange.set(engine, ROLE, "db_name", "my_db_refreshed");
      long start = System.nanoTime();
      Pattern live =
          Pattern.compile("(?m)^watch refresh-scoped db_name=my_db_refreshed .* changes=\\[.+\\]$");
      assertThat(ServerProcess.awaitLine(output, live, Duration.ofSeconds(30)))
          .as("the refreshed db_name within 30 s:\n%s", ServerProcess.read(output))
          .isTrue();
      System.out.println(
          "[servers] QuarkusIT: the tool's change reached the refresh-scoped bean within "
              + Duration.ofNanos(System.nanoTime() - start).toMillis()
              + " ms after the tool returned (a 200 ms watch)");
      String seen =
          live.matcher(ServerProcess.read(output)).results().findFirst().orElseThrow().group();
      assertThat(seen)
          .startsWith("watch refresh-scoped db_name=my_db_refreshed closed=")
          .endsWith(" application-scoped db_name=my_db changes=[" + TABLE + ": db_name]");
      // The old instance is closed (its PreDestroy run) once the call in progress on it, if
      // any, has returned.
      String closed =
          "watch refresh-scoped db_name=my_db_refreshed closed=1 application-scoped"
              + " db_name=my_db changes=["
              + TABLE
              + ": db_name]";
      assertThat(
              ServerProcess.awaitLine(
                  output,
                  Pattern.compile("(?m)^" + Pattern.quote(closed) + "$"),
                  Duration.ofSeconds(5)))
          .as("the old instance closed:\n%s", ServerProcess.read(output))
          .isTrue();
      assertThat(ServerProcess.read(output)).contains("db_name=my_db_refreshed\n");
    } finally {
      engine.put(TABLE, "db_name", s("my_db"));
    }
    assertThat(ServerProcess.read(output)).doesNotContain(ExampleTable.DB_PASS);
  }

  private static List<String> command(Map<String, String> properties, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Deployment.asArguments(properties));
    command.add("-jar");
    command.add(build.project().resolve("target/quarkus-app/quarkus-run.jar").toString());
    command.addAll(List.of(arguments));
    return command;
  }

  /** Runs the application to its end; its output, which never holds the table's secret. */
  private static String runToEnd(Map<String, String> properties, Map<String, String> environment) {
    Path output = Deployment.runDirectory("quarkus-run").resolve("output.log");
    ProcessBuilder builder =
        new ProcessBuilder(command(properties))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "The application did not end within "
                + RUN_TIMEOUT
                + ":\n"
                + ServerProcess.read(output));
      }
      String text = ServerProcess.read(output);
      assertThat(process.exitValue()).as(text).isZero();
      assertThat(text).contains("started").doesNotContain(ExampleTable.DB_PASS);
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
