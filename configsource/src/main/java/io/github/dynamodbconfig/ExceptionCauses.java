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

import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** The one walk down an exception's causes, and the one unwrapping of a task's failure. */
final class ExceptionCauses {

  private ExceptionCauses() {}

  /** The first of {@code e} and its causes that is a {@code type}. */
  static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
    }
    return Optional.empty();
  }

  /** The deepest cause of {@code e}, or the first that is an {@code type}. */
  static Throwable rootOr(Throwable e, Class<? extends Throwable> type) {
    Throwable cause = e;
    while (cause.getCause() != null && !type.isInstance(cause)) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** {@code SimpleName: message}, or the simple name alone when there is no message. */
  static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /**
   * Throws what a task threw: its unchecked exception or error as it is, or its checked exception
   * when it is a {@code checked}.
   *
   * @throws X the task's checked exception
   */
  static <X extends Exception> RuntimeException rethrow(ExecutionException e, Class<X> checked)
      throws X {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    if (checked.isInstance(cause)) {
      throw checked.cast(cause);
    }
    throw new IllegalStateException("unexpected failure of a task", cause);
  }
}
