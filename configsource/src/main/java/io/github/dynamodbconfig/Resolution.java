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
package io.github.dynamodbconfig;

import java.util.List;
import java.util.Optional;

/**
 * What role resolution found: a table, or why there is none, with the steps it tried (for the
 * message that says so) and the instance id when instance metadata gave one.
 */
record Resolution(
    Outcome outcome,
    Optional<TableTarget> target,
    List<String> tried,
    Optional<String> instanceId) {

  /** How resolution ended. */
  enum Outcome {
    /** A table was found. */
    FOUND,
    /** Not on EC2: instance metadata is disabled, or did not answer. */
    NOT_ON_EC2,
    /** On EC2, and the instance has no role tag. */
    NO_TAG,
    /** The role tag was read and its value is empty. */
    EMPTY_TAG,
    /** On EC2, but the tag could not be read: refused, denied, failed or out of time. */
    UNREADABLE,
    /** The tag was read, and its role makes no valid table name with the template. */
    INVALID_ROLE;

    /** True when the user must hear of it (a WARN line): on EC2, and something is wrong. */
    boolean needsAttention() {
      return this == EMPTY_TAG || this == UNREADABLE || this == INVALID_ROLE;
    }
  }

  Resolution {
    tried = List.copyOf(tried);
    if (target.isPresent() != (outcome == Outcome.FOUND)) {
      throw new IllegalArgumentException(outcome + " with target " + target);
    }
  }

  static Resolution found(TableTarget target, List<String> tried, Optional<String> instanceId) {
    return new Resolution(Outcome.FOUND, Optional.of(target), tried, instanceId);
  }

  static Resolution none(Outcome outcome, List<String> tried, Optional<String> instanceId) {
    return new Resolution(outcome, Optional.empty(), tried, instanceId);
  }
}
