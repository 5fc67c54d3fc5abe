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

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whole-process timings: a fresh JVM per run, timed from just before {@code ProcessBuilder.start()}
 * to the moment its marker line ({@link Marker}) is read. The child also reports the time from its
 * {@code main()} to the value, which leaves JVM boot out.
 */
final class ColdStart {

  /**
   * One kind of child.
   *
   * @param name its row in the table
   * @param mainClass {@link FirstValue} or {@link SdkFirstScan}
   * @param classPath its class path
   * @param jvmArguments system properties and flags
   * @param environment environment variables set for it (the parent's {@code AWS_*} and {@code
   *     DYNAMODB_CONFIG_*} variables are always removed)
   */
  record Mode(
      String name,
      Class<?> mainClass,
      String classPath,
      List<String> jvmArguments,
      Map<String, String> environment) {}

  /**
   * Timings of one mode: the whole process to the value, {@code main()} to the value, the CPU time
   * of the process to the value, and the classes loaded (median).
   */
  record Result(Stats process, Stats inMain, Stats cpu, long classes) {}

  /**
   * Credentials for every child: the SDK's default chain finds them first, in system properties.
   */
  static final List<String> CREDENTIALS =
      List.of("-Daws.accessKeyId=testAccessKey", "-Daws.secretAccessKey=testSecretKey");

  private ColdStart() {}

  /** Runs every mode once to warm the file cache, then {@code runs} times, interleaved. */
  static Map<String, Result> measure(List<Mode> modes, int runs) {
    Map<String, List<long[]>> timings = new LinkedHashMap<>();
    for (Mode mode : modes) {
      spawn(mode);
      timings.put(mode.name(), new ArrayList<>());
    }
    for (int run = 0; run < runs; run++) {
      for (Mode mode : modes) {
        timings.get(mode.name()).add(spawn(mode));
      }
    }
    Map<String, Result> results = new LinkedHashMap<>();
    timings.forEach(
        (name, list) ->
            results.put(
                name,
                new Result(
                    Stats.of(list.stream().map(t -> t[0]).toList()),
                    Stats.of(list.stream().map(t -> t[1]).toList()),
                    Stats.of(list.stream().map(t -> t[2]).toList()),
                    Math.round(
                        Stats.of(list.stream().map(t -> t[3]).toList()).medianMillis() * 1e6))));
    return results;
  }

  /**
   * One fresh JVM: {spawn to marker, main() to value, CPU to value} in nanoseconds, and the classes
   * it loaded.
   */
  static long[] spawn(Mode mode) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(mode.jvmArguments());
    command.add("-cp");
    command.add(mode.classPath());
    command.add(mode.mainClass().getName());
    try {
      File errors = File.createTempFile("coldstart-", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors);
        builder
            .environment()
            .keySet()
            .removeIf(name -> name.startsWith("AWS_") || name.startsWith("DYNAMODB_CONFIG_"));
        builder.environment().putAll(mode.environment());
        long start = System.nanoTime();
        Process process = builder.start();
        long marker = -1;
        long inMain = -1;
        long cpu = -1;
        long classes = -1;
        List<String> output = new ArrayList<>();
        try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            long parsed = Marker.parse(line);
            if (parsed >= 0 && marker < 0) {
              marker = System.nanoTime() - start;
              inMain = parsed;
            } else if (line.startsWith(Marker.DETAILS)) {
              String[] details = line.substring(Marker.DETAILS.length()).trim().split(" ");
              cpu = Long.parseLong(details[0]);
              classes = Long.parseLong(details[1]);
            } else {
              output.add(line);
            }
          }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        if (marker < 0 || process.exitValue() != 0) {
          throw new IllegalStateException(
              "Cold-start child '"
                  + mode.name()
                  + "' failed (exit "
                  + process.exitValue()
                  + "): "
                  + String.join("\n", output)
                  + "\n"
                  + Files.readString(errors.toPath()));
        }
        return new long[] {marker, inMain, cpu, classes};
      } finally {
        Files.deleteIfExists(errors.toPath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The results as a table, each compared with the median of {@code reference}. */
  static String table(Map<String, Result> results, String reference) {
    double base = results.get(reference).process().medianMillis();
    double baseInMain = results.get(reference).inMain().medianMillis();
    double baseCpu = results.get(reference).cpu().medianMillis();
    var table =
        new MarkdownTable(
            "child JVM",
            "runs",
            "spawn → value, median ms",
            "p90 ms",
            "main() → value, median ms",
            "CPU to value, median ms",
            "classes loaded",
            "vs " + reference,
            "CPU vs " + reference,
            "difference ms (spawn / main / CPU)");
    results.forEach(
        (name, result) ->
            table.row(
                name,
                result.process().runs(),
                Stats.ms(result.process().medianMillis()),
                Stats.ms(result.process().p90Millis()),
                Stats.ms(result.inMain().medianMillis()),
                Stats.ms(result.cpu().medianMillis()),
                result.classes(),
                Stats.ratio(result.process().medianMillis() / base),
                Stats.ratio(result.cpu().medianMillis() / baseCpu),
                String.format(
                    Locale.ROOT,
                    "%+.0f / %+.0f / %+.0f",
                    result.process().medianMillis() - base,
                    result.inMain().medianMillis() - baseInMain,
                    result.cpu().medianMillis() - baseCpu)));
    return table.toString();
  }
}
