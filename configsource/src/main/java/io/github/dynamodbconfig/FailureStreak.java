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

import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * The rule for logging a repeated failure: WARN for the first failure of a streak, DEBUG for the
 * ones after it, and one INFO line when the streak ends. Not thread-safe: one owner at a time.
 */
final class FailureStreak {

  private int failures;

  /** Counts a failure; the level to log it at. */
  Level failed() {
    return failures++ == 0 ? Level.WARNING : Level.DEBUG;
  }

  /**
   * Counts a failure and logs it: {@code first} for the streak's first failure, {@code again} for
   * the ones after it, each at its own level (WARNING, DEBUG). Both get {@code args}; a template
   * with fewer placeholders uses the first of them.
   */
  void failed(LibraryMessage first, LibraryMessage again, Object... args) {
    (failed() == Level.WARNING ? first : again).log(args);
  }

  /** Ends the streak; the failures it had, 0 when there was none (then log nothing). */
  int succeeded() {
    int ended = failures;
    failures = 0;
    return ended;
  }

  /**
   * Ends the streak and, when it had failures, logs {@code ended} with {@code args} followed by
   * their count, e.g. {@code 3 failed attempts} for {@code one} "failed attempt" and {@code many}
   * "failed attempts".
   */
  void succeeded(LibraryMessage ended, String one, String many, Object... args) {
    int count = succeeded();
    if (count > 0) {
      Object[] all = Arrays.copyOf(args, args.length + 1);
      all[args.length] = MessageText.count(count, one, many);
      ended.log(all);
    }
  }
}
