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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a load's time goes: Java Flight Recorder samples every thread each millisecond while one
 * way of loading runs in a loop, and the samples are counted by method, inclusive (the method is
 * anywhere on the stack) and by the library's own frames.
 */
final class LoadProfile {

  /** How long each way of loading is sampled. */
  static final Duration SAMPLED = Duration.ofSeconds(15);

  private LoadProfile() {}

  /** One profile: the samples of all threads, and the share of the top methods. */
  record Profile(String name, int loads, int samples, Map<String, Integer> inclusive) {}

  /** Runs {@code load} in a loop for {@link #SAMPLED} under a recording, and counts the samples. */
  static Profile record(String name, IntSupplier load) {
    for (int i = 0; i < 20; i++) {
      load.getAsInt(); // warm
    }
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
      recording.start();
      long until = System.nanoTime() + SAMPLED.toNanos();
      int loads = 0;
      while (System.nanoTime() < until) {
        load.getAsInt();
        loads++;
      }
      recording.stop();
      Path file = Files.createTempFile("load-profile-", ".jfr");
      try {
        recording.dump(file);
        return count(name, loads, RecordingFile.readAllEvents(file));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Profile count(String name, int loads, List<RecordedEvent> events) {
    Map<String, Integer> inclusive = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : events) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      samples++;
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        RecordedMethod method = frame.getMethod();
        String label = method.getType().getName() + "." + method.getName();
        if (seen.add(label)) {
          inclusive.merge(label, 1, Integer::sum);
        }
      }
    }
    return new Profile(name, loads, samples, inclusive);
  }

  /**
   * The methods that hold at least {@code minShare} of the samples, inclusive, with a filter on
   * their names ({@code prefixes}, empty for all).
   */
  static String table(Profile profile, double minShare, List<String> prefixes, int limit) {
    var table = new MarkdownTable("method (inclusive)", "samples", "ms per load", "share");
    profile.inclusive().entrySet().stream()
        .filter(e -> prefixes.isEmpty() || prefixes.stream().anyMatch(e.getKey()::startsWith))
        .filter(e -> e.getValue() >= minShare * profile.samples())
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .forEach(
            e ->
                table.row(
                    e.getKey(),
                    e.getValue(),
                    String.format(Locale.ROOT, "%.2f", (double) e.getValue() / profile.loads()),
                    String.format(
                        Locale.ROOT, "%.1f %%", 100.0 * e.getValue() / profile.samples())));
    return String.format(
            Locale.ROOT,
            "%s: %d loads, %d samples (one a millisecond per running thread), %.2f per load%n%n",
            profile.name(),
            profile.loads(),
            profile.samples(),
            (double) profile.samples() / profile.loads())
        + table;
  }
}
