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
 * A failure the tool reports as one message, with the lines that detail it (every bad key of a
 * file, for instance), and exit code 2. Never carries a value that may be secret.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> details;

  CliException(String message) {
    this(message, List.of());
  }

  CliException(String message, List<String> details) {
    super(message);
    this.details = List.copyOf(details);
  }

  /** The lines under the message, in order. */
  List<String> details() {
    return details;
  }
}
