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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit extension that fails every test which lets a secret value of the test tables ({@link
 * SecretValues}) out where a user could read it, and the tests' entry point to the leaks found:
 *
 * <ul>
 *   <li>{@link Channel#LOG}: every JUL record of the JVM (the library's {@code System.Logger}s end
 *       there, as do SmallRye Config's), read by a {@code LeakLogHandler} on the root logger. The
 *       loggers of {@link #VERBOSE_LOGGERS} are set to {@code ALL}, so that DEBUG and TRACE lines
 *       are produced and read too.
 *   <li>{@link Channel#EXCEPTION}: the message of every throwable constructed in the JVM, also the
 *       ones that a test catches and checks: an {@code ExceptionRecorder} per test class, read when
 *       the class ends.
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

  private static final Object LOCK = new Object();

  /** Leaks found in log records and failures during the current class. */
  private static final List<Leak> FOUND = new ArrayList<>();

  private static final Set<Leak> REPORTED = new HashSet<>();
  private static final Set<Leak> FORGOTTEN = new HashSet<>();
  private static ExceptionRecorder recorder;
  private static String testClass = "no test class";
  private static volatile String current = "no test class";
  private static int depth;

  /** Reads every JUL record; declared after {@code current}, which it reads. */
  private static final LeakLogHandler HANDLER =
      new LeakLogHandler(() -> current, SecretGuard::found);

  /** For JUnit's service loader. */
  public SecretGuard() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (LOCK) {
      if (depth++ > 0) {
        return; // a nested class: its outer class's recording covers it
      }
      HANDLER.install(VERBOSE_LOGGERS);
      testClass = context.getRequiredTestClass().getName();
      current = "the set-up of " + testClass;
      recorder = new ExceptionRecorder(testClass);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    synchronized (LOCK) {
      current = testName(context);
      recorder.boundary(current, true);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<Leak> leaks;
    synchronized (LOCK) {
      String test = testName(context);
      recorder.boundary(test, false);
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
        recorder.stop();
        leaks = new ArrayList<>(scanLocked());
        leaks.removeAll(REPORTED);
      } finally {
        recorder.close();
        recorder = null;
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
      if (recorder == null) {
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
            + SecretScanner.mask(where)
            + " (secret values shown as <secret of KEY>; docs/security.md):\n  - "
            + String.join("\n  - ", distinct));
  }

  /**
   * Looks for secret values in {@code text}, which a program printed for its user (a command-line
   * tool's standard output, say): a leak fails the running test like one in a log record. A test
   * that asked for secrets to be shown does not hand that output over.
   *
   * @param origin where the text was printed, e.g. {@code "stdout of dynamodb-config export"}
   */
  public static void checkOutput(String origin, String text) {
    found(SecretScanner.find(text, Channel.OUTPUT, origin, current, Instant.now()));
  }

  private static List<Leak> scanLocked() {
    Set<Leak> leaks = new LinkedHashSet<>(FOUND);
    leaks.addAll(recorder.leaks());
    leaks.removeAll(FORGOTTEN);
    return List.copyOf(leaks);
  }

  /** Keeps {@code leaks}, found in a log record, a failure or an output, for the running test. */
  private static void found(List<Leak> leaks) {
    if (!leaks.isEmpty()) {
      synchronized (LOCK) {
        FOUND.addAll(leaks);
      }
    }
  }

  private static Throwable checked(Throwable failure) {
    try {
      found(
          SecretScanner.find(
              SecretScanner.printed(failure),
              Channel.TEST_FAILURE,
              failure.getClass().getName(),
              current,
              Instant.now()));
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
    return "test " + SecretScanner.mask(testName(context));
  }
}
