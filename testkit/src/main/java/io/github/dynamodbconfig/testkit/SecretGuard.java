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

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Fails every test that lets a secret value of the test tables ({@link SecretValues}) out, in any
 * of the places where a user could read it:
 *
 * <ul>
 *   <li>{@link Channel#LOG}: every JUL record of the JVM (the library's {@code System.Logger}s end
 *       there, as do SmallRye Config's): its raw and formatted message, its parameters and the
 *       printed stack trace of its throwable, causes included. A handler on the root logger sees
 *       them all; the loggers of {@link #VERBOSE_LOGGERS} are set to {@code ALL}, so that DEBUG and
 *       TRACE lines are produced and read too. JBoss Logging (SmallRye Config's, Weld's) is told to
 *       log to JUL, unless {@code org.jboss.logging.provider} is set.
 *   <li>{@link Channel#EXCEPTION}: the message of every throwable constructed in the JVM, also the
 *       ones that a test catches and checks: a JFR recording of {@code jdk.JavaExceptionThrow}
 *       events per test class, read when the class ends.
 *   <li>{@link Channel#TEST_FAILURE}: the printed stack trace of every test and lifecycle-method
 *       failure, which the build report shows.
 * </ul>
 *
 * <p>Registered for every test class through JUnit's extension auto-detection ({@code
 * META-INF/services/org.junit.jupiter.api.extension.Extension} of the testkit, and {@code
 * junit.jupiter.extensions.autodetection.enabled=true} set by the build). A leak in a log record or
 * a failure fails the test it happened in; a leak in an exception message fails the test class. The
 * failure names the secret's key, where it leaked and during which test, and shows the text around
 * it with every secret value replaced by {@code <secret of KEY>}. An original test failure is never
 * replaced: JUnit adds the guard's failure to it as a suppressed exception.
 *
 * <p>A test that leaks on purpose (to show that the guard works, or what a third-party library
 * prints) reads the leaks with {@link #scan()}, checks them, and hands them to {@link #forget}.
 */
public final class SecretGuard
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

  /** Loggers set to {@code ALL} while tests run: the library's and SmallRye Config's. */
  public static final List<String> VERBOSE_LOGGERS =
      List.of("io.github.dynamodbconfig", "io.smallrye.config");

  /** Where a secret value was found. */
  public enum Channel {
    /** A log record. */
    LOG,
    /** The message of a throwable constructed in the JVM. */
    EXCEPTION,
    /** The printed failure of a test or lifecycle method. */
    TEST_FAILURE,
    /** What a program printed for its user, handed to {@link #checkOutput}. */
    OUTPUT
  }

  /**
   * A secret value found where it must not be.
   *
   * @param key the key the value was stored under
   * @param channel where it was found
   * @param origin the logger and level, the exception class and where it was constructed, or the
   *     failure's class
   * @param test the test (or test class) running at the time
   * @param excerpt the text around the value, with every secret value masked
   * @param at when it was found
   */
  public record Leak(
      String key, Channel channel, String origin, String test, String excerpt, Instant at) {

    @Override
    public String toString() {
      return "the secret value of '"
          + key
          + "' in "
          + switch (channel) {
            case LOG -> "a log record of " + origin;
            case EXCEPTION -> "the message of " + origin;
            case TEST_FAILURE -> "the failure " + origin;
            case OUTPUT -> "the output " + origin;
          }
          + ", during "
          + test
          + ": "
          + excerpt;
    }
  }

  /** The system property that tells JBoss Logging which logging system to use. */
  static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

  private static final int EXCERPT_RADIUS = 200;
  private static final Object LOCK = new Object();
  private static final SimpleFormatter FORMATTER = new SimpleFormatter();
  private static final Handler HANDLER = new LeakHandler();

  /** Strong references: JUL forgets the level of a logger that is garbage collected. */
  private static final List<Logger> VERBOSE = new ArrayList<>();

  /** Leaks found in log records and failures during the current class. */
  private static final List<Leak> FOUND = new ArrayList<>();

  private static final Set<Leak> REPORTED = new HashSet<>();
  private static final Set<Leak> FORGOTTEN = new HashSet<>();
  private static Recording recording;
  private static String testClass = "no test class";
  private static volatile String current = "no test class";
  private static int depth;

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

  /** For JUnit's service loader. */
  public SecretGuard() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (LOCK) {
      if (depth++ > 0) {
        return; // a nested class: its outer class's recording covers it
      }
      install();
      testClass = context.getRequiredTestClass().getName();
      current = "the set-up of " + testClass;
      recording = new Recording();
      recording.setName("secret-guard " + testClass);
      recording.enable("jdk.JavaExceptionThrow").withStackTrace();
      recording.enable(TestBoundary.class);
      recording.start();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    synchronized (LOCK) {
      current = testName(context);
      new TestBoundary(current, true).commit();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<Leak> leaks;
    synchronized (LOCK) {
      String test = testName(context);
      new TestBoundary(test, false).commit();
      leaks =
          FOUND.stream()
              .filter(leak -> leak.test().equals(test))
              .filter(leak -> !FORGOTTEN.contains(leak) && !REPORTED.contains(leak))
              .toList();
      REPORTED.addAll(leaks);
      current = "the tear-down of " + testClass;
    }
    failIfAny(leaks, test(context));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<Leak> leaks;
    synchronized (LOCK) {
      if (--depth > 0) {
        return;
      }
      try {
        recording.stop();
        leaks = new ArrayList<>(scanLocked());
        leaks.removeAll(REPORTED);
      } finally {
        recording.close();
        recording = null;
        FOUND.clear();
        REPORTED.clear();
        FORGOTTEN.clear();
        current = "no test class";
      }
    }
    failIfAny(leaks, "test class " + context.getRequiredTestClass().getName());
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw checked(failure);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw checked(failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw checked(failure);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw checked(failure);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw checked(failure);
  }

  /**
   * The leaks found so far in the current test class and not forgotten: log records and failures as
   * they happened, exception messages read from the recording now.
   */
  public static List<Leak> scan() {
    synchronized (LOCK) {
      if (recording == null) {
        throw new IllegalStateException(
            "SecretGuard is not running: is junit.jupiter.extensions.autodetection.enabled=true?");
      }
      return scanLocked();
    }
  }

  /** Leaves {@code leaks} out of every later {@link #scan()} and failure of this test class. */
  public static void forget(Collection<Leak> leaks) {
    synchronized (LOCK) {
      FORGOTTEN.addAll(leaks);
    }
  }

  /** Fails with the guard's own message when {@code leaks} is not empty. */
  public static void failIfAny(List<Leak> leaks, String where) {
    if (leaks.isEmpty()) {
      return;
    }
    // The same text found twice (a throwable constructed again by reflection) is listed once.
    List<String> distinct = leaks.stream().map(Leak::toString).distinct().toList();
    throw new AssertionError(
        distinct.size()
            + " secret value(s) leaked in "
            + mask(where)
            + " (secret values shown as <secret of KEY>; docs/security.md):\n  - "
            + String.join("\n  - ", distinct));
  }

  private static List<Leak> scanLocked() {
    Set<Leak> leaks = new LinkedHashSet<>(FOUND);
    leaks.addAll(exceptionLeaks());
    leaks.removeAll(FORGOTTEN);
    return List.copyOf(leaks);
  }

  /** The root handler and the verbose loggers, set up again should a test have reset JUL. */
  private static void install() {
    // JBoss Logging (SmallRye Config, Weld) would pick the Log4j 2 that DynamoDB Local brings
    // along; JUL is where the guard reads. Read once, when JBoss Logging is first used.
    System.getProperties().putIfAbsent(JBOSS_LOGGING_PROVIDER, "jdk");
    Logger root = Logger.getLogger("");
    if (!Arrays.asList(root.getHandlers()).contains(HANDLER)) {
      root.addHandler(HANDLER);
    }
    VERBOSE.clear();
    for (String name : VERBOSE_LOGGERS) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.ALL);
      VERBOSE.add(logger);
    }
  }

  private static List<Leak> exceptionLeaks() {
    Path file = null;
    try {
      file = Files.createTempFile("secret-guard-", ".jfr");
      recording.dump(file);
      List<RecordedEvent> events = RecordingFile.readAllEvents(file);
      List<TestWindow> windows = windows(events);
      // A thread's events come in the order it committed them: an exception thrown on a test's own
      // thread belongs to the test that thread last started. Other threads' exceptions are placed
      // by the clock (which Java 25 does not fill in for jdk.JavaExceptionThrow: those land
      // "outside its test methods" there, still reported, against the class).
      Map<Long, String> running = new HashMap<>();
      List<Leak> leaks = new ArrayList<>();
      for (RecordedEvent event : events) {
        long thread = event.getThread() == null ? -1 : event.getThread().getJavaThreadId();
        if (event.getEventType().getName().equals(TestBoundary.NAME)) {
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
            find(
                message,
                Channel.EXCEPTION,
                event.getClass("thrownClass").getName() + " constructed at " + constructor(event),
                test,
                at));
      }
      return leaks;
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
                .map(SecretGuard::frame)
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
            .filter(event -> event.getEventType().getName().equals(TestBoundary.NAME))
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
  private static String testAt(Instant at, List<TestWindow> windows) {
    return windows.stream()
        .filter(w -> !at.isBefore(w.start()) && (w.end() == null || !at.isAfter(w.end())))
        .map(TestWindow::test)
        .findFirst()
        .orElse(testClass + ", outside its test methods");
  }

  /**
   * Looks for secret values in {@code text}, which a program printed for its user (a command-line
   * tool's standard output, say): a leak fails the running test like one in a log record. A test
   * that asked for secrets to be shown does not hand that output over.
   *
   * @param origin where the text was printed, e.g. {@code "stdout of dynamodb-config export"}
   */
  public static void checkOutput(String origin, String text) {
    List<Leak> leaks = find(text, Channel.OUTPUT, origin, current, Instant.now());
    if (!leaks.isEmpty()) {
      synchronized (LOCK) {
        FOUND.addAll(leaks);
      }
    }
  }

  private static Throwable checked(Throwable failure) {
    try {
      List<Leak> leaks =
          find(
              printed(failure),
              Channel.TEST_FAILURE,
              failure.getClass().getName(),
              current,
              Instant.now());
      synchronized (LOCK) {
        FOUND.addAll(leaks);
      }
    } catch (RuntimeException | Error e) {
      failure.addSuppressed(e);
    }
    return failure;
  }

  private static String testName(ExtensionContext context) {
    return context.getRequiredTestClass().getName()
        + "#"
        + context.getRequiredTestMethod().getName()
        + " "
        + context.getDisplayName();
  }

  private static String test(ExtensionContext context) {
    return "test " + mask(testName(context));
  }

  /** Every secret value in {@code text}, as leaks. */
  static List<Leak> find(String text, Channel channel, String origin, String test, Instant at) {
    List<Leak> leaks = new ArrayList<>();
    Map<String, String> values = SecretValues.all();
    for (Map.Entry<String, String> secret : values.entrySet()) {
      if (text.contains(secret.getKey())) {
        leaks.add(
            new Leak(
                secret.getValue(),
                channel,
                mask(origin),
                mask(test),
                excerpt(text, secret.getValue()),
                at));
      }
    }
    return leaks;
  }

  /** The text around the first occurrence of {@code key}'s value, masked, on one line. */
  private static String excerpt(String text, String key) {
    // Masked before cutting: a cut through another secret value would leave part of it.
    String masked = mask(text);
    int index = Math.max(0, masked.indexOf(placeholder(key)));
    int from = Math.max(0, index - EXCERPT_RADIUS);
    int to = Math.min(masked.length(), index + placeholder(key).length() + EXCERPT_RADIUS);
    return (from > 0 ? "..." : "")
        + masked.substring(from, to).replace("\r", "").replace("\n", " | ").replace("\t", " ")
        + (to < masked.length() ? "..." : "");
  }

  private static String placeholder(String key) {
    return "<secret of " + key + ">";
  }

  /** {@code text} with every secret value replaced by {@code <secret of KEY>}, longest first. */
  static String mask(String text) {
    String masked = text;
    List<Map.Entry<String, String>> values =
        SecretValues.all().entrySet().stream()
            .sorted(
                Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length())
                    .reversed())
            .toList();
    for (Map.Entry<String, String> secret : values) {
      masked = masked.replace(secret.getKey(), placeholder(secret.getValue()));
    }
    return masked;
  }

  private static String printed(Throwable throwable) {
    StringWriter text = new StringWriter();
    throwable.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /** Reads every record that reaches the root logger. */
  private static final class LeakHandler extends Handler {
    LeakHandler() {
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      String where = record.getLoggerName() + " at " + record.getLevel();
      List<Leak> leaks = find(text(record), Channel.LOG, where, current, Instant.now());
      if (!leaks.isEmpty()) {
        synchronized (LOCK) {
          FOUND.addAll(leaks);
        }
      }
    }

    private static String text(LogRecord record) {
      String message = String.valueOf(record.getMessage());
      StringBuilder text = new StringBuilder(message);
      try {
        String formatted = FORMATTER.formatMessage(record);
        if (!formatted.equals(message)) {
          text.append('\n').append(formatted);
        }
      } catch (RuntimeException e) {
        text.append("\n(message not formatted: ").append(e).append(')');
      }
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          try {
            text.append('\n').append(parameter);
          } catch (RuntimeException e) {
            text.append("\n(parameter not printed: ").append(e).append(')');
          }
        }
      }
      if (record.getThrown() != null) {
        text.append('\n').append(printed(record.getThrown()));
      }
      return text.toString();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
