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
package io.github.dynamodbconfig.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Timings of repeated runs: median and percentiles (nearest rank), in milliseconds. */
record Stats(long[] nanos) {

  static Stats of(List<Long> nanos) {
    return new Stats(nanos.stream().mapToLong(Long::longValue).sorted().toArray());
  }

  int runs() {
    return nanos.length;
  }

  double medianMillis() {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    return median / 1e6;
  }

  double p90Millis() {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(0.9 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  double p99Millis() {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(0.99 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  double maxMillis() {
    return Arrays.stream(nanos).max().orElse(0) / 1e6;
  }

  /** A duration for a table cell: 3 significant digits, at least one decimal under 100 ms. */
  static String ms(double millis) {
    if (Math.abs(millis) >= 100) {
      return String.format(Locale.ROOT, "%.0f", millis);
    }
    if (Math.abs(millis) >= 10) {
      return String.format(Locale.ROOT, "%.1f", millis);
    }
    return String.format(Locale.ROOT, "%.2f", millis);
  }

  /** A ratio for a table cell, e.g. {@code 1.03×}. */
  static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }
}
