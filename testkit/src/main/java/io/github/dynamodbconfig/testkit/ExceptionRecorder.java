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
package io.github.dynamodbconfig.testkit;

import io.github.dynamodbconfig.testkit.SecretGuard.Channel;
import io.github.dynamodbconfig.testkit.SecretGuard.Leak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording ({@code jdk.JavaExceptionThrow}) of every throwable constructed in the JVM during
 * one test class, with the starts and ends of its tests, read for secret values in the messages.
 */
final class ExceptionRecorder {

  /**
   * The start or the end of a test, in the same recording as the exceptions, so that an exception
   * is placed by its thread's order of events or by the recording's own clock, never by the wall
   * clock.
   */
  @Name(TestBoundary.NAME)
  @Label("Test boundary")
  @StackTrace(false)
  static final class TestBoundary extends Event {
    static final String NAME = "io.github.dynamodbconfig.testkit.TestBoundary";

    @Label("Test")
    String test;

    @Label("Starts")
    boolean starts;

    TestBoundary(String test, boolean starts) {
      this.test = test;
      this.starts = starts;
    }
  }

  private record TestWindow(String test, Instant start, Instant end) {}

  private final String testClass;
  private final Recording recording = new Recording();

  /** Starts recording for {@code testClass}. */
  ExceptionRecorder(String testClass) {
    this.testClass = testClass;
    recording.setName("secret-guard " + testClass);
    recording.enable("jdk.JavaExceptionThrow").withStackTrace();
    recording.enable(TestBoundary.class);
    recording.start();
  }

  /** Records that {@code test} starts ({@code starts}) or ends on this thread. */
  void boundary(String test, boolean starts) {
    new TestBoundary(test, starts).commit();
  }

  /** Stops recording; what was recorded can still be read. */
  void stop() {
    recording.stop();
  }

  /** Frees the recording. */
  void close() {
    recording.close();
  }

  /** The secret values in the messages of the exceptions recorded so far. */
  List<Leak> leaks() {
    Path file = null;
    try {
      file = Files.createTempFile("secret-guard-", ".jfr");
      recording.dump(file);
      return leaks(RecordingFile.readAllEvents(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the guard's JFR recording", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          file.toFile().deleteOnExit();
        }
      }
    }
  }

  private List<Leak> leaks(List<RecordedEvent> events) {
    List<TestWindow> windows = windows(events);
    // A thread's events come in the order it committed them: an exception thrown on a test's own
    // thread belongs to the test that thread last started. Other threads' exceptions are placed
    // by the clock (which Java 25 does not fill in for jdk.JavaExceptionThrow: those land
    // "outside its test methods" there, still reported, against the class).
    Map<Long, String> running = new HashMap<>();
    List<Leak> leaks = new ArrayList<>();
    for (RecordedEvent event : events) {
      long thread = event.getThread() == null ? -1 : event.getThread().getJavaThreadId();
      if (isBoundary(event)) {
        if (event.getBoolean("starts")) {
          running.put(thread, event.getString("test"));
        } else {
          running.remove(thread);
        }
        continue;
      }
      String message = event.getString("message");
      if (message == null) {
        continue;
      }
      Instant at = event.getStartTime();
      String test = running.containsKey(thread) ? running.get(thread) : testAt(at, windows);
      leaks.addAll(
          SecretScanner.find(
              message,
              Channel.EXCEPTION,
              event.getClass("thrownClass").getName() + " constructed at " + constructor(event),
              test,
              at));
    }
    return leaks;
  }

  private static boolean isBoundary(RecordedEvent event) {
    return event.getEventType().getName().equals(TestBoundary.NAME);
  }

  /** The frames that made the throwable: constructors, factories and reflection left out. */
  private static String constructor(RecordedEvent event) {
    String thrown = event.getClass("thrownClass").getName();
    String frames =
        event.getStackTrace() == null
            ? ""
            : event.getStackTrace().getFrames().stream()
                .filter(frame -> !frame.getMethod().getName().equals("<init>"))
                .filter(frame -> !frame.getMethod().getType().getName().equals(thrown))
                .filter(frame -> !frame.getMethod().getType().getName().startsWith("jdk.internal."))
                .filter(
                    frame ->
                        !frame.getMethod().getType().getName().startsWith("java.lang.reflect."))
                .limit(3)
                .map(ExceptionRecorder::frame)
                .collect(Collectors.joining(" < "));
    return frames.isEmpty() ? "an unknown place" : frames;
  }

  private static String frame(RecordedFrame frame) {
    return frame.getMethod().getType().getName()
        + "."
        + frame.getMethod().getName()
        + ":"
        + frame.getLineNumber();
  }

  /** The tests of the recording, each from its start to its end (none yet: still running). */
  private static List<TestWindow> windows(List<RecordedEvent> events) {
    List<RecordedEvent> boundaries =
        events.stream()
            .filter(ExceptionRecorder::isBoundary)
            .sorted(Comparator.comparing(RecordedEvent::getStartTime))
            .toList();
    Map<String, TestWindow> windows = new LinkedHashMap<>();
    for (RecordedEvent boundary : boundaries) {
      String test = boundary.getString("test");
      Instant at = boundary.getStartTime();
      if (boundary.getBoolean("starts")) {
        windows.put(test, new TestWindow(test, at, null));
      } else {
        windows.computeIfPresent(test, (name, w) -> new TestWindow(name, w.start(), at));
      }
    }
    return List.copyOf(windows.values());
  }

  /** The test that ran at {@code at}, a time of the recording's clock. */
  private String testAt(Instant at, List<TestWindow> windows) {
    return windows.stream()
        .filter(w -> !at.isBefore(w.start()) && (w.end() == null || !at.isAfter(w.end())))
        .map(TestWindow::test)
        .findFirst()
        .orElse(testClass + ", outside its test methods");
  }
}
