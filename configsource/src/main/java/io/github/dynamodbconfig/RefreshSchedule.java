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

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a refresher reloads, so that a fleet that started together never refreshes in lockstep: the
 * first reload at a random point within the first interval, each later one after the interval
 * varied by up to {@value #VARIATION_PERCENT} % either way. Pure: the random numbers are given.
 */
final class RefreshSchedule {

  /** How far a period after the first varies from the interval, either way, in percent. */
  static final int VARIATION_PERCENT = 10;

  private RefreshSchedule() {}

  /** The delay of the first reload: uniform in [0, interval). */
  static Duration first(Duration interval, RandomGenerator random) {
    return Duration.ofNanos((long) (interval.toNanos() * random.nextDouble()));
  }

  /** The delay from one reload's end to the next: uniform in interval ± 10 %. */
  static Duration next(Duration interval, RandomGenerator random) {
    double variation = VARIATION_PERCENT / 100.0;
    double factor = 1 - variation + 2 * variation * random.nextDouble();
    return Duration.ofNanos((long) (interval.toNanos() * factor));
  }
}
