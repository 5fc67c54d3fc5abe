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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The JUL handler of the root logger that reads every record of the JVM (its raw and formatted
 * message, its parameters and the printed stack trace of its throwable, causes included) and hands
 * the secret values it finds to the guard.
 */
final class LeakLogHandler extends Handler {

  /** The system property that tells JBoss Logging which logging system to use. */
  static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

  private static final SimpleFormatter FORMATTER = new SimpleFormatter();

  private final Supplier<String> currentTest;
  private final Consumer<List<Leak>> found;

  /** Strong references: JUL forgets the level of a logger that is garbage collected. */
  private final List<Logger> verbose = new ArrayList<>();

  /**
   * A handler at level {@code ALL}, not yet installed.
   *
   * @param currentTest the test running when a record is published
   * @param found takes the leaks of each record
   */
  LeakLogHandler(Supplier<String> currentTest, Consumer<List<Leak>> found) {
    this.currentTest = currentTest;
    this.found = found;
    setLevel(Level.ALL);
  }

  /**
   * Adds this handler to the root logger and sets {@code verboseLoggers} to {@code ALL}, again
   * should a test have reset JUL; tells JBoss Logging to log to JUL, unless {@value
   * #JBOSS_LOGGING_PROVIDER} is set.
   */
  void install(List<String> verboseLoggers) {
    // JBoss Logging (SmallRye Config, Weld) would pick a Log4j 2 or SLF4J back end that a test's
    // class path brings along; JUL is where the guard reads. Read once, when JBoss Logging is first
    // used.
    System.getProperties().putIfAbsent(JBOSS_LOGGING_PROVIDER, "jdk");
    Logger root = Logger.getLogger("");
    if (!Arrays.asList(root.getHandlers()).contains(this)) {
      root.addHandler(this);
    }
    verbose.clear();
    for (String name : verboseLoggers) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.ALL);
      verbose.add(logger);
    }
  }

  @Override
  public void publish(LogRecord record) {
    String where = record.getLoggerName() + " at " + record.getLevel();
    found.accept(
        SecretScanner.find(text(record), Channel.LOG, where, currentTest.get(), Instant.now()));
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
      text.append('\n').append(SecretScanner.printed(record.getThrown()));
    }
    return text.toString();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
