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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of this JVM's live threads, split by what the threads do (Linux {@code
 * /proc/self/task/<tid>/schedstat}, each thread's kind from its name in {@code comm}, read once per
 * thread). With {@code -Dbench.cpuSplit=on} the load part samples this instead of {@link
 * Marker#processCpuNanos()}; the sum of the kinds is the same figure.
 */
final class ThreadCpu {

  /** What a thread does. */
  enum Kind {
    /** The thread that runs the loads: {@code java}, the launcher's main thread. */
    MEASURING("measuring thread"),
    /** The JIT compilers. */
    JIT("JIT"),
    /** The garbage collector and the VM's own threads. */
    GC_VM("GC and VM"),
    /** Every other thread: the request timer, the JDK's keep-alive timer, cleaners. */
    OTHER("other threads");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  private static final Map<String, Kind> KINDS = new HashMap<>();

  private ThreadCpu() {}

  /** The CPU nanoseconds of the live threads so far, by {@link Kind#ordinal()}. */
  static long[] sample() {
    long[] nanos = new long[Kind.values().length];
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path thread : threads) {
        try {
          String schedstat = Files.readString(thread.resolve("schedstat")).trim();
          long ran = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
          nanos[kind(thread).ordinal()] += ran;
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read /proc/self/task: " + e, e);
    }
    return nanos;
  }

  private static Kind kind(Path thread) throws IOException {
    String tid = thread.getFileName().toString();
    Kind kind = KINDS.get(tid);
    if (kind == null) {
      kind = kind(Files.readString(thread.resolve("comm")).trim());
      KINDS.put(tid, kind);
    }
    return kind;
  }

  /** The kind of a thread by its name, as Linux keeps it (the first 15 characters). */
  static Kind kind(String name) {
    if (name.equals("java")) {
      return Kind.MEASURING;
    }
    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
      return Kind.JIT;
    }
    if (name.startsWith("GC Thread")
        || name.startsWith("G1 ")
        || name.startsWith("VM ")
        || name.equals("Sweeper thread")
        || name.equals("Service Thread")
        || name.startsWith("Monitor Deflati")) {
      return Kind.GC_VM;
    }
    return Kind.OTHER;
  }
}
