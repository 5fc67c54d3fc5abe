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
package io.github.dynamodbconfig.benchmarks;

import io.github.dynamodbconfig.testkit.BlackHole;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs the benchmarks named by {@code -Dbench.parts} and prints their tables in Markdown, also to
 * {@code -Dbench.results}. Started by {@code ./mvnw -Pbenchmarks} (docs/performance.md).
 */
public final class RunBenchmarks {

  /** The parts a run without {@code -Dbench.parts} runs, as the Maven profile's default. */
  static final List<String> DEFAULT_PARTS =
      List.of("load", "lookup", "coldstart", "offec2", "footprint");

  /**
   * Every part: the default ones, the JFR profile of the load, the operator's tool, the read units,
   * a fleet in one JVM, a call through a refresh-scoped bean, the time from a change to a bean and
   * the load of sealed secrets.
   */
  static final List<String> ALL_PARTS =
      List.of(
          "load",
          "lookup",
          "coldstart",
          "offec2",
          "footprint",
          "profile",
          "cli",
          "capacity",
          "fleet",
          "scope",
          "live",
          "sealed");

  /** The cold-start table: role {@code coldstart}, the example's six settings. */
  static final String COLD_START_ROLE = "coldstart";

  static final String COLD_START_TABLE = COLD_START_ROLE + "-config";

  /** Kept so that the level set on it stays: the source's INFO line per load is left out. */
  private static final Logger SOURCE_LOGGER = Logger.getLogger("io.github.dynamodbconfig");

  private RunBenchmarks() {}

  public static void main(String[] args) throws Exception {
    int status = 0;
    try {
      run();
    } catch (Exception | Error e) {
      e.printStackTrace();
      status = 1;
    }
    // Archaius 1 and the SDK v1 leave non-daemon threads behind.
    System.exit(status);
  }

  private static void run() throws Exception {
    String partsProperty = System.getProperty("bench.parts", "");
    List<String> parts =
        partsProperty.isBlank()
            ? DEFAULT_PARTS
            : Arrays.stream(partsProperty.split(",")).map(String::trim).toList();
    for (String part : parts) {
      if (!ALL_PARTS.contains(part)) {
        throw new IllegalArgumentException("Unknown part '" + part + "'; parts: " + ALL_PARTS);
      }
    }
    System.setProperty("aws.accessKeyId", LocalDynamoDb.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", LocalDynamoDb.SECRET_ACCESS_KEY);
    SOURCE_LOGGER.setLevel(java.util.logging.Level.WARNING);
    int coldStartRuns = Integer.getInteger("bench.coldstartRuns", 20);

    List<String> report = new ArrayList<>();
    emit(report, "# Benchmark results\n\n" + machine());
    if (parts.contains("footprint")) {
      emit(report, "## 5. Footprint\n\n" + Footprint.table(ClassPaths.fromSystemProperties()));
    }
    if (parts.contains("load")) {
      load(report);
    }
    if (parts.contains("profile")) {
      System.err.println("profile: JFR, 4 loops of " + LoadProfile.SAMPLED.toSeconds() + " s...");
      emit(report, "## Profile of the load (JFR)\n\n" + profile());
    }
    if (parts.contains("scope")) {
      System.err.println("scope: JMH, 2 benchmarks, one forked JVM each, ~10 s each...");
      emit(report, "## 9. A call through a refresh-scoped bean (JMH)\n\n" + ProxyCallRun.run());
    }
    boolean needsEngine =
        parts.stream()
            .anyMatch(part -> !List.of("footprint", "load", "profile", "scope").contains(part));
    if (needsEngine) {
      try (LocalDynamoDb engine = LocalDynamoDb.start()) {
        if (parts.contains("lookup")) {
          System.err.println("lookup: JMH, 6 benchmarks, one forked JVM each, ~15 s each...");
          emit(report, "## 2. Lookup (JMH, -prof gc)\n\n" + LookupRun.run(engine));
        }
        if (parts.contains("coldstart") || parts.contains("offec2")) {
          engine.createConfigTable(COLD_START_TABLE);
          engine.putItems(COLD_START_TABLE, ExampleTable.items());
          ClassPaths paths = ClassPaths.fromSystemProperties();
          if (parts.contains("coldstart")) {
            System.err.println("coldstart: fresh JVMs, " + coldStartRuns + " runs per child...");
            emit(report, "## 3. Cold start\n\n" + coldStart(engine, paths, coldStartRuns));
          }
          if (parts.contains("offec2")) {
            System.err.println("offec2: fresh JVMs, " + coldStartRuns + " runs per child...");
            emit(report, "## 4. Off-EC2 cost\n\n" + offEc2(engine, paths, coldStartRuns));
          }
        }
        if (parts.contains("capacity")) {
          System.err.println("capacity: read units of loads, 3 table sizes...");
          emit(report, "## 7. Capacity\n\n" + new CapacityBenchmark(engine).run());
        }
        if (parts.contains("fleet")) {
          System.err.println(
              "fleet: 200 sources, 3 runs of " + FleetSimulation.RUN_SECONDS + " s...");
          emit(report, "## 8. A fleet in one JVM\n\n" + new FleetSimulation(engine).run());
        }
        if (parts.contains("live")) {
          System.err.println("live: " + TimeToBean.CHANGES + " changes by the tool, ~2 minutes...");
          emit(
              report,
              "## 10. Time to bean\n\n"
                  + new TimeToBean(engine, Path.of(System.getProperty("bench.cliJar"))).run());
        }
        if (parts.contains("sealed")) {
          System.err.println(
              "sealed: "
                  + SealedLoadBenchmark.RUNS
                  + " loads each of a plain and a sealed table of "
                  + SealedLoadBenchmark.SECRETS
                  + " secrets...");
          emit(report, "## 11. Loading sealed secrets\n\n" + new SealedLoadBenchmark(engine).run());
        }
        if (parts.contains("cli")) {
          System.err.println("cli: import and export of " + CliBenchmark.SETTINGS + " settings...");
          CliBenchmark cli =
              new CliBenchmark(
                  engine, Path.of(System.getProperty("bench.cliJar")), Path.of("/usr/bin/aws"));
          emit(report, "## 6. The operator's tool\n\n" + cli.run());
        }
      }
    }
    String results = System.getProperty("bench.results");
    if (results != null) {
      Files.writeString(Path.of(results), String.join("\n", report));
      System.err.println("Results written to " + results);
    }
  }

  /**
   * Part 1, {@code -Dbench.blocks} times (by default once) against one engine, each block's table
   * printed when it ends.
   */
  private static void load(List<String> report) {
    int[] sizes = LoadBenchmark.sizes();
    List<String> methods = LoadBenchmark.methodIds();
    int blocks = LoadBenchmark.blocks();
    boolean cpuSplit = LoadBenchmark.cpuSplit();
    System.err.println(
        "load: "
            + sizes.length
            + " sizes, "
            + methods.size()
            + " methods, "
            + LoadBenchmark.RUNS
            + " runs each"
            + (blocks > 1 ? ", " + blocks + " blocks" : "")
            + "...");
    try (EngineProcess engine = EngineProcess.start(sizes)) {
      for (int block = 0; block < blocks; block++) {
        List<LoadBenchmark.SizeResult> results =
            new LoadBenchmark(engine.endpoint(), sizes, methods, cpuSplit).run();
        String title = "## 1. Load (one warm JVM, the local DynamoDB engine in its own process)";
        if (blocks > 1) {
          title += ", block " + (block + 1) + " of " + blocks;
        }
        String section = title + "\n\n" + LoadBenchmark.table(results);
        if (cpuSplit) {
          section +=
              "\nCPU by kind of thread (means per load):\n\n" + LoadBenchmark.cpuTable(results);
        }
        emit(report, section);
      }
    }
  }

  /** Where the time of our source's load goes, against the raw Scan, at 100 and 10,000 items. */
  private static String profile() {
    int[] sizes = {100, 10_000};
    StringBuilder text = new StringBuilder();
    try (EngineProcess engine = EngineProcess.start(sizes)) {
      LoadBenchmark load = new LoadBenchmark(engine.endpoint());
      for (int size : sizes) {
        String table = EngineProcess.table(size);
        var source =
            LoadProfile.record(
                "our source, " + size + " items", () -> load.source(table, List.of()));
        var raw =
            LoadProfile.record(
                "raw SDK Scan, " + size + " items", () -> load.rawScan(table, false));
        text.append(LoadProfile.table(source, 0.01, List.of("io.github.dynamodbconfig"), 40))
            .append('\n');
        text.append(LoadProfile.table(source, 0.02, List.of(), 60)).append('\n');
        text.append(LoadProfile.table(raw, 0.02, List.of(), 60)).append('\n');
      }
    }
    return text.toString();
  }

  private static void emit(List<String> report, String section) {
    System.out.println(section);
    System.out.flush();
    report.add(section);
  }

  static final String PROPERTIES_ONLY = "properties file only";
  static final String RAW_SCAN = "raw SDK Scan";
  static final String OUR_SOURCE = "our source";

  private static String coldStart(LocalDynamoDb engine, ClassPaths paths, int runs)
      throws IOException {
    ColdStart.Mode properties =
        new ColdStart.Mode(
            PROPERTIES_ONLY,
            FirstValue.class,
            paths.configOnly(),
            List.of("-Dbench.key=coldstart.greeting"),
            Map.of());
    ColdStart.Mode raw =
        new ColdStart.Mode(
            RAW_SCAN, SdkFirstScan.class, paths.sdkOnly(), sdkArguments(engine), Map.of());
    ColdStart.Mode source =
        new ColdStart.Mode(
            OUR_SOURCE,
            FirstValue.class,
            paths.application(),
            sourceArguments(engine, "-Ddynamodb.config.table=" + COLD_START_TABLE),
            Map.of());
    ColdStart.Mode withoutEc2 =
        new ColdStart.Mode(
            OUR_SOURCE + ", ec2 module excluded",
            FirstValue.class,
            paths.applicationWithoutEc2(),
            source.jvmArguments(),
            Map.of());
    List<ColdStart.Mode> modes = new ArrayList<>(List.of(properties, raw, source, withoutEc2));
    // Start-up candidates of the SDK client, one at a time on the raw baseline.
    for (String candidate : List.of("static-credentials", "account-id-disabled", "call-timeout")) {
      modes.add(with(raw, RAW_SCAN + " + " + candidate, "-Dbench.sdk=" + candidate));
    }
    // JVM options an application can choose; they apply to the SDK and to the source alike.
    for (ColdStart.Mode mode : List.of(raw, source)) {
      modes.add(with(mode, mode.name() + " + -XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=1"));
      modes.add(withClassDataSharing(mode));
    }
    return ColdStart.table(ColdStart.measure(modes, runs), RAW_SCAN)
        + "\n"
        + againstTheFloor(engine, paths, source);
  }

  static final String FLOOR = "SmallRye Config, then a raw SDK Scan";

  /**
   * The source against the floor of doing it by hand with a Config runtime anyway: two rounds of
   * {@link #FLOOR_PAIRS} interleaved pairs, each round's medians in a table of its own.
   */
  private static String againstTheFloor(
      LocalDynamoDb engine, ClassPaths paths, ColdStart.Mode source) {
    ColdStart.Mode floor =
        new ColdStart.Mode(
            FLOOR, ConfigThenScan.class, paths.configAndSdk(), sdkArguments(engine), Map.of());
    StringBuilder tables = new StringBuilder();
    for (int round = 1; round <= 2; round++) {
      System.err.println("coldstart: against the floor, round " + round + "...");
      tables
          .append("Against the floor, round ")
          .append(round)
          .append(" of 2:\n\n")
          .append(ColdStart.table(ColdStart.measure(List.of(floor, source), FLOOR_PAIRS), FLOOR))
          .append('\n');
    }
    return tables.toString();
  }

  /** Pairs per round of {@link #againstTheFloor}. */
  static final int FLOOR_PAIRS = 15;

  private static ColdStart.Mode with(ColdStart.Mode mode, String name, String jvmArgument) {
    List<String> arguments = new ArrayList<>(mode.jvmArguments());
    arguments.add(0, jvmArgument);
    return new ColdStart.Mode(
        name, mode.mainClass(), mode.classPath(), arguments, mode.environment());
  }

  /** The mode with an AppCDS archive of the classes that one training run of it loaded. */
  private static ColdStart.Mode withClassDataSharing(ColdStart.Mode mode) throws IOException {
    Path archive = Files.createTempDirectory("coldstart-cds").resolve("classes.jsa");
    archive.toFile().deleteOnExit();
    archive.getParent().toFile().deleteOnExit();
    ColdStart.spawn(with(mode, mode.name(), "-XX:ArchiveClassesAtExit=" + archive));
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("No class data archive was written for " + mode.name());
    }
    return with(mode, mode.name() + " + AppCDS archive", "-XX:SharedArchiveFile=" + archive);
  }

  private static String offEc2(LocalDynamoDb engine, ClassPaths paths, int runs) {
    try (BlackHole metadata = BlackHole.open()) {
      List<String> noRole = new ArrayList<>(ColdStart.CREDENTIALS);
      noRole.add("-Dbench.key=coldstart.greeting");
      List<String> disabled = new ArrayList<>(noRole);
      disabled.add("-Ddynamodb.config.enabled=false");
      List<String> blackHole = new ArrayList<>(noRole);
      blackHole.add("-Daws.ec2MetadataServiceEndpoint=" + metadata.endpoint());
      List<ColdStart.Mode> withTable =
          List.of(
              new ColdStart.Mode(
                  "table explicit (reference)",
                  FirstValue.class,
                  paths.application(),
                  sourceArguments(engine, "-Ddynamodb.config.table=" + COLD_START_TABLE),
                  Map.of()),
              new ColdStart.Mode(
                  "role explicit",
                  FirstValue.class,
                  paths.application(),
                  sourceArguments(engine, "-Ddynamodb.config.role=" + COLD_START_ROLE),
                  Map.of()));
      List<ColdStart.Mode> withoutRole =
          List.of(
              new ColdStart.Mode(
                  PROPERTIES_ONLY + " (reference)",
                  FirstValue.class,
                  paths.configOnly(),
                  List.of("-Dbench.key=coldstart.greeting"),
                  Map.of()),
              new ColdStart.Mode(
                  "source disabled (dynamodb.config.enabled=false)",
                  FirstValue.class,
                  paths.application(),
                  disabled,
                  Map.of()),
              new ColdStart.Mode(
                  "no role, AWS_EC2_METADATA_DISABLED=true",
                  FirstValue.class,
                  paths.application(),
                  noRole,
                  Map.of("AWS_EC2_METADATA_DISABLED", "true")),
              new ColdStart.Mode(
                  "no role, black-hole metadata endpoint",
                  FirstValue.class,
                  paths.application(),
                  blackHole,
                  Map.of()));
      return "With a role or table (value from DynamoDB):\n\n"
          + ColdStart.table(ColdStart.measure(withTable, runs), "table explicit (reference)")
          + "\nWithout a role (value from microprofile-config.properties, the source empty):\n\n"
          + ColdStart.table(ColdStart.measure(withoutRole, runs), PROPERTIES_ONLY + " (reference)");
    }
  }

  private static List<String> sdkArguments(LocalDynamoDb engine) {
    List<String> arguments = new ArrayList<>(ColdStart.CREDENTIALS);
    arguments.add("-Dbench.endpoint=" + engine.endpoint());
    arguments.add("-Dbench.region=" + LocalDynamoDb.REGION.id());
    arguments.add("-Dbench.table=" + COLD_START_TABLE);
    return arguments;
  }

  private static List<String> sourceArguments(LocalDynamoDb engine, String target) {
    List<String> arguments = new ArrayList<>(ColdStart.CREDENTIALS);
    arguments.add(target);
    arguments.add("-Ddynamodb.config.endpoint=" + engine.endpoint());
    arguments.add("-Ddynamodb.config.region=" + LocalDynamoDb.REGION.id());
    return arguments;
  }

  /** The machine, the JVM and the load on it when the run started. */
  private static String machine() throws IOException {
    String cpu = "unknown CPU";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      cpu =
          Files.readAllLines(cpuinfo).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    }
    return String.format(
        Locale.ROOT,
        "%s; %s, %d cores, %d MB max heap; Java %s (%s) on %s %s; load average %.2f at start\n",
        Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / 1024 / 1024,
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
