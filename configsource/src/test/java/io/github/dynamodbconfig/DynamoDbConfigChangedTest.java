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

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The change event: names only, and changes that come while a listener is busy as one. */
class DynamoDbConfigChangedTest {

  private static final Instant FIRST = Instant.parse("2026-12-07T10:00:00Z");
  private static final Instant LATER = Instant.parse("2026-12-07T10:00:05Z");

  private static DynamoDbConfigChanged change(
      Set<String> added, Set<String> changed, Set<String> removed, long version, Instant time) {
    return new DynamoDbConfigChanged(
        "prod-myapp-config",
        Optional.of("prod-myapp"),
        added,
        changed,
        removed,
        OptionalLong.of(version),
        time);
  }

  @Test
  void namesAndTouches_coverAddedChangedAndRemoved() {
    DynamoDbConfigChanged change =
        change(Set.of("new_flag"), Set.of("db_host", "db_pass"), Set.of("old"), 42, FIRST);

    assertThat(change.names()).containsExactly("db_host", "db_pass", "new_flag", "old");
    assertThat(change.touches("db_pass")).isTrue();
    assertThat(change.touches("db_port")).isFalse();
    assertThat(change.touchesAny(Set.of("db_port", "old"))).isTrue();
    assertThat(change.touchesAny(Set.of("db_port"))).isFalse();
    assertThat(change)
        .hasToString(
            "DynamoDbConfigChanged[table=prod-myapp-config, role=prod-myapp, added=[new_flag],"
                + " changed=[db_host, db_pass], removed=[old], version=42,"
                + " time=2026-12-07T10:00:00Z]");
  }

  @Test
  void twoChanges_asOne_goFromTheStateBeforeTheFirst_toTheStateAfterTheSecond() {
    DynamoDbConfigChanged first =
        change(
            Set.of("added_then_removed", "added_then_changed"),
            Set.of("changed_then_removed", "changed_only_first"),
            Set.of("removed_then_added", "removed_only_first"),
            7,
            FIRST);
    DynamoDbConfigChanged second =
        change(
            Set.of("removed_then_added", "added_only_second"),
            Set.of("added_then_changed", "changed_only_second"),
            Set.of("added_then_removed", "changed_then_removed", "removed_only_second"),
            8,
            LATER);

    DynamoDbConfigChanged merged = first.then(second);

    assertThat(merged.added()).containsExactly("added_only_second", "added_then_changed");
    assertThat(merged.changed())
        .containsExactly("changed_only_first", "changed_only_second", "removed_then_added");
    assertThat(merged.removed())
        .containsExactly("changed_then_removed", "removed_only_first", "removed_only_second");
    assertThat(merged.touches("added_then_removed")).as("absent before and after").isFalse();
    assertThat(merged.version()).hasValue(8);
    assertThat(merged.time()).isEqualTo(LATER);
  }

  @Test
  void aTableWithoutAStamp_hasNoVersion_andATableNamedInTheSettings_noRole() {
    DynamoDbConfigChanged change =
        new DynamoDbConfigChanged(
            "shared-config",
            Optional.empty(),
            Set.of(),
            Set.of("x"),
            Set.of(),
            OptionalLong.empty(),
            FIRST);

    assertThat(change.version()).isEmpty();
    assertThat(change.role()).isEmpty();
    assertThat(change)
        .hasToString(
            "DynamoDbConfigChanged[table=shared-config, added=[], changed=[x], removed=[],"
                + " time=2026-12-07T10:00:00Z]");
    assertThat(change.names()).containsExactly("x");
  }
}
