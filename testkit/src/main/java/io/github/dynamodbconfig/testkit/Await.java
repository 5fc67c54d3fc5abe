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

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in a test for something that happens on another thread: a refresh, a listener call. */
public final class Await {

  /** How long {@link #until} waits. */
  public static final Duration USUAL = Duration.ofSeconds(20);

  private Await() {}

  /**
   * Returns once {@code condition} holds, checking it every 10 ms.
   *
   * @throws AssertionError when it does not hold within {@link #USUAL}
   */
  public static void until(BooleanSupplier condition) throws InterruptedException {
    within(USUAL, condition);
  }

  /**
   * Returns once {@code condition} holds, checking it every 10 ms.
   *
   * @throws AssertionError when it does not hold within {@code limit}
   */
  public static void within(Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("condition not reached within " + limit.toSeconds() + " s");
      }
      Thread.sleep(10);
    }
  }
}
