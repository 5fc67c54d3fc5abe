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
package io.github.dynamodbconfig.cli;

import java.util.List;

/**
 * A failure the tool reports as one message of its catalogues, with its id and the lines that
 * detail it (every bad key of a file, for instance), and exit code 2. Never carries a value that
 * may be secret.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String id;
  private List<String> details = List.of();

  /** The failure {@code message} words with {@code args}. */
  CliException(Message message, Object... args) {
    super(message.format(args));
    this.id = message.id();
  }

  /** This failure with {@code lines} under it. */
  CliException withDetails(List<String> lines) {
    this.details = List.copyOf(lines);
    return this;
  }

  /** The id of its message, {@code DDBCFG-1nnn}. */
  String id() {
    return id;
  }

  /** The lines under the message, in order. */
  List<String> details() {
    return details;
  }
}
