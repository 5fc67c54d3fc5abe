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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines a cold-start child prints when it has its first value: first the marker the harness
 * times, then the details, which are gathered only after the marker so that they cost nothing to
 * the timing.
 */
public final class Marker {

  /** The line's first word. */
  public static final String PREFIX = "FIRST_VALUE ";

  private Marker() {}

  /** {@code FIRST_VALUE <nanos>}: the time from the child's {@code main()} to its first value. */
  public static String line(long nanosInMain) {
    return PREFIX + nanosInMain;
  }

  /** The details line's first word. */
  public static final String DETAILS = "DETAILS ";

  /**
   * {@code DETAILS <cpu nanos> <classes>}: the CPU time of the process's live threads so far (Linux
   * {@code /proc/self/task/<tid>/schedstat}; -1 elsewhere), and the number of classes loaded.
   */
  public static String details() {
    long cpu = processCpuNanos();
    return DETAILS
        + cpu
        + " "
        + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
  }

  /** Prints the marker, then the details. */
  public static void print(long nanosInMain) {
    System.out.println(line(nanosInMain));
    System.out.flush();
    System.out.println(details());
  }

  /**
   * The CPU time of the process's live threads so far, in nanoseconds, to the scheduler's own
   * precision (Linux {@code /proc/self/task/<tid>/schedstat}); -1 elsewhere.
   */
  static long processCpuNanos() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return -1;
    }
    long total = 0;
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        try {
          String schedstat = Files.readString(thread.resolve("schedstat")).trim();
          total += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return total;
  }

  /** The nanoseconds of a marker line, or -1 when {@code line} is not one. */
  public static long parse(String line) {
    return line.startsWith(PREFIX) ? Long.parseLong(line.substring(PREFIX.length()).trim()) : -1;
  }
}
