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

import static io.github.dynamodbconfig.DynamoDbConfigSetting.KEYS;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The log lines of one table's loads: the summary (table, role, region, counts, requests, time,
 * version, declared keys not found), each value at TRACE, and each item skipped, warned about once
 * while it stays skipped.
 */
final class LoadSummary {

  private final Settings settings;
  private final TableTarget target;
  private volatile Set<String> skipped = Set.of(); // of the last load: warned about once

  LoadSummary(Settings settings, TableTarget target) {
    this.settings = settings;
    this.target = target;
  }

  /**
   * Logs a load of {@code items} into {@code snapshot}, with {@code summary}.
   *
   * @param skippedKeys the keys of the items that were skipped
   * @param requests the requests the read made
   * @param start when the load started, by {@link System#nanoTime()}
   */
  void log(
      LibraryMessage summary,
      Region region,
      List<Map<String, AttributeValue>> items,
      Set<String> skippedKeys,
      Snapshot snapshot,
      int requests,
      long start) {
    Set<String> before = skipped;
    for (String invalid : skippedKeys) {
      (before.contains(invalid) ? LoadMessages.ITEM_SKIPPED_AGAIN : LoadMessages.ITEM_SKIPPED)
          .log(invalid);
    }
    skipped = skippedKeys;
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    OptionalLong version = snapshot.version();
    if (summary.loggable()) {
      summary.log(
          MessageText.quoted(target.table()),
          target.provenance(),
          region,
          MessageText.count(snapshot.names().size(), "property", "properties"),
          MessageText.count(snapshot.secrets().size(), "secret", "secrets"),
          MessageText.count(requests, "request", "requests"),
          elapsedMillis,
          version.isPresent()
              ? "version " + version.getAsLong()
              : "as read at " + Instant.now().truncatedTo(ChronoUnit.MILLIS),
          missingKeys(items));
    }
    if (LoadMessages.VALUE.loggable()) {
      for (String name : new TreeSet<>(snapshot.names())) {
        LoadMessages.VALUE.log(target.table(), name, snapshot.printable(name));
      }
    }
  }

  /**
   * The declared keys that no item answered, in declaration order, as the end of the load's
   * summary; empty when there are none.
   */
  private String missingKeys(List<Map<String, AttributeValue>> items) {
    List<String> missing = missingKeyList(items);
    return missing.isEmpty()
        ? ""
        : "; "
            + MessageText.count(missing.size(), "declared key", "declared keys")
            + " of "
            + KEYS.key()
            + " not in the table: "
            + String.join(", ", missing);
  }

  /** The declared keys that no item answered, in declaration order. */
  private List<String> missingKeyList(List<Map<String, AttributeValue>> items) {
    if (settings.keys().isEmpty() || items.size() == settings.keys().size()) {
      return List.of();
    }
    Set<String> found = new HashSet<>();
    for (Map<String, AttributeValue> item : items) {
      AttributeValue key = item.get(settings.layout().keyAttribute());
      if (key != null && key.s() != null) {
        found.add(key.s());
      }
    }
    return settings.keys().stream().filter(key -> !found.contains(key)).toList();
  }
}
