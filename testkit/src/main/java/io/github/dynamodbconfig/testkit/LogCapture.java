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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what the library logs (its {@code System.Logger}s end in JUL loggers under {@code
 * io.github.dynamodbconfig}) at every level from DEBUG up, while open.
 */
public final class LogCapture implements AutoCloseable {

  /** The logger name of every library class. */
  public static final String LIBRARY_LOGGER = "io.github.dynamodbconfig";

  private final Logger logger = Logger.getLogger(LIBRARY_LOGGER);
  private final Level level = logger.getLevel();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LogCapture() {
    logger.setLevel(Level.FINE);
    logger.addHandler(handler);
  }

  /** Starts recording. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /** The messages logged at {@code level} ({@code Level.FINE} is DEBUG), in order. */
  public List<String> messages(Level level) {
    return records.stream()
        .filter(r -> r.getLevel().equals(level))
        .map(LogRecord::getMessage)
        .toList();
  }

  /** The messages of logger {@code loggerName} at {@code level}, in order. */
  public List<String> messages(String loggerName, Level level) {
    return records.stream()
        .filter(r -> r.getLoggerName().equals(loggerName) && r.getLevel().equals(level))
        .map(LogRecord::getMessage)
        .toList();
  }

  /** Every message, whatever its logger and level, in order. */
  public List<String> all() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  /** Every message logged at INFO or above, in order. */
  public List<String> infoAndAbove() {
    return records.stream()
        .filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
        .map(LogRecord::getMessage)
        .toList();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(level);
  }
}
