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
package io.github.dynamodbconfig.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the library logs through {@code System.Logger} (routed to JUL) during a test. */
final class LogCapture implements AutoCloseable {

  private final Logger logger = Logger.getLogger("io.github.dynamodbconfig");
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

  LogCapture() {
    logger.addHandler(handler);
  }

  /** The messages of {@code loggerName} at {@code level}, in order. */
  List<String> messages(String loggerName, Level level) {
    return records.stream()
        .filter(r -> r.getLoggerName().equals(loggerName) && r.getLevel() == level)
        .map(LogRecord::getMessage)
        .toList();
  }

  /** Every message, whatever its logger and level. */
  List<String> all() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
