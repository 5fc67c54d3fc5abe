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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The refresh schedule: a random first reload, later ones at the interval ± 10 %. */
class RefreshScheduleTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void firstReload_fallsAnywhereWithinTheFirstInterval() {
    Random random = new Random(42);
    double[] seconds =
        IntStream.range(0, 10_000)
            .mapToDouble(i -> RefreshSchedule.first(MINUTE, random).toMillis() / 1000.0)
            .toArray();

    assertThat(Arrays.stream(seconds).allMatch(s -> s >= 0 && s < 60)).isTrue();
    assertThat(Arrays.stream(seconds).min().getAsDouble()).isLessThan(1.0);
    assertThat(Arrays.stream(seconds).max().getAsDouble()).isGreaterThan(59.0);
    // Uniform: each tenth of the interval gets about a tenth of the reloads.
    for (int tenth = 0; tenth < 10; tenth++) {
      int from = tenth * 6;
      long inTenth = Arrays.stream(seconds).filter(s -> s >= from && s < from + 6).count();
      assertThat(inTenth).isBetween(850L, 1150L);
    }
  }

  @Test
  void laterReloads_varyByUpToATenthEitherWay() {
    Random random = new Random(7);
    double[] seconds =
        IntStream.range(0, 10_000)
            .mapToDouble(i -> RefreshSchedule.next(MINUTE, random).toMillis() / 1000.0)
            .toArray();

    assertThat(Arrays.stream(seconds).allMatch(s -> s >= 54 && s <= 66)).isTrue();
    assertThat(Arrays.stream(seconds).min().getAsDouble()).isLessThan(54.2);
    assertThat(Arrays.stream(seconds).max().getAsDouble()).isGreaterThan(65.8);
  }
}
