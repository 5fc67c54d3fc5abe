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

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.cli.ImportFile.Entry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an import would change in a table: the items to add, to change and (with {@code --prune}) to
 * remove, and how many stay as they are. A desired item keeps what the file does not speak of: the
 * secret flag once set, and attributes other than key, value and secret flag.
 */
final class ImportPlan {

  /** What happens to one key. */
  enum Kind {
    ADD,
    CHANGE,
    REMOVE
  }

  /** How a change moves the item's secret flag. */
  enum Flag {
    KEPT,
    NOW_SECRET,
    NO_LONGER_SECRET
  }

  /**
   * One change.
   *
   * @param item the item written (null for a removal)
   * @param value its value (null for a removal)
   * @param was the value before (null for an addition, or an item that had none)
   * @param secret whether the values are shown masked
   */
  record Change(
      String key,
      Kind kind,
      Map<String, AttributeValue> item,
      AttributeValue value,
      AttributeValue was,
      boolean secret,
      Flag flag) {}

  private final ConfigTable table;
  private final List<Change> changes = new ArrayList<>();
  private final Map<String, Map<String, AttributeValue>> written = new HashMap<>();
  private final Map<String, Map<String, AttributeValue>> result;
  private int unchanged;

  private ImportPlan(ConfigTable table, Map<String, Map<String, AttributeValue>> current) {
    this.table = table;
    this.result = new TreeMap<>(current);
  }

  /**
   * The plan of importing {@code entries} into a table that holds {@code current}.
   *
   * @param secretKeys keys given with {@code --secret}
   * @param prune whether keys the file does not hold are removed
   */
  static ImportPlan of(
      ConfigTable table,
      List<Map<String, AttributeValue>> current,
      List<Entry> entries,
      Set<String> secretKeys,
      boolean prune) {
    Map<String, Map<String, AttributeValue>> byKey = TableItems.byKey(table, current);
    ImportPlan plan = new ImportPlan(table, byKey);
    Set<String> given = new HashSet<>();
    for (Entry entry : entries) {
      given.add(entry.key());
      plan.put(entry, byKey.get(entry.key()), secretKeys);
    }
    if (prune) {
      byKey.forEach(
          (key, item) -> {
            if (!given.contains(key)) {
              plan.remove(key, item);
            }
          });
    }
    plan.changes.sort((a, b) -> a.key().compareTo(b.key()));
    return plan;
  }

  private void put(Entry entry, Map<String, AttributeValue> before, Set<String> secretKeys) {
    Map<String, AttributeValue> after = desired(entry, before, secretKeys);
    result.put(entry.key(), after);
    if (before != null && sameItem(before, after)) {
      unchanged++;
      return;
    }
    written.put(entry.key(), after);
    boolean secret = isSecret(table, after) || (before != null && isSecret(table, before));
    changes.add(
        new Change(
            entry.key(),
            before == null ? Kind.ADD : Kind.CHANGE,
            after,
            after.get(table.valueAttribute()),
            before == null ? null : before.get(table.valueAttribute()),
            secret,
            before == null ? Flag.KEPT : flag(before, after)));
  }

  private void remove(String key, Map<String, AttributeValue> item) {
    result.remove(key);
    changes.add(
        new Change(
            key,
            Kind.REMOVE,
            null,
            null,
            item.get(table.valueAttribute()),
            isSecret(table, item),
            Flag.KEPT));
  }

  private Map<String, AttributeValue> desired(
      Entry entry, Map<String, AttributeValue> before, Set<String> secretKeys) {
    boolean secret =
        entry.secret()
            || secretKeys.contains(entry.key())
            || (before != null && flagged(table, before));
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    if (before != null) {
      item.putAll(before); // attributes the file does not speak of stay, the secret flag too
    }
    item.putAll(table.toItem(entry.key(), entry.value(), secret));
    return item;
  }

  private Flag flag(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
    boolean was = flagged(table, before);
    boolean is = flagged(table, after);
    return was == is ? Flag.KEPT : is ? Flag.NOW_SECRET : Flag.NO_LONGER_SECRET;
  }

  /** Two items alike as DynamoDB stores them: numbers compared as numbers (1.50 is 1.5). */
  static boolean sameItem(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    return a.keySet().stream().allMatch(name -> sameValue(a.get(name), b.get(name)));
  }

  private static boolean sameValue(AttributeValue a, AttributeValue b) {
    if (a.type() != b.type()) {
      return false;
    }
    return switch (a.type()) {
      case N -> new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
      case NS -> numbers(a.ns()).equals(numbers(b.ns()));
      case SS -> Set.copyOf(a.ss()).equals(Set.copyOf(b.ss()));
      case BS -> Set.copyOf(a.bs()).equals(Set.copyOf(b.bs()));
      case L ->
          a.l().size() == b.l().size()
              && IntStream.range(0, a.l().size())
                  .allMatch(i -> sameValue(a.l().get(i), b.l().get(i)));
      case M -> sameItem(a.m(), b.m());
      default -> a.equals(b);
    };
  }

  private static Set<BigDecimal> numbers(List<String> texts) {
    return texts.stream()
        .map(text -> new BigDecimal(text).stripTrailingZeros())
        .collect(Collectors.toSet());
  }

  private static boolean flagged(ConfigTable table, Map<String, AttributeValue> item) {
    AttributeValue flag = item.get(table.secretAttribute());
    return flag != null && Boolean.TRUE.equals(flag.bool());
  }

  /**
   * Whether the item's value is shown masked: it is flagged, references a Secrets Manager secret,
   * its key matches the secret patterns, or one of the properties it gives an application is
   * secret.
   */
  static boolean isSecret(ConfigTable table, Map<String, AttributeValue> item) {
    String key = TableItems.key(table, item);
    return flagged(table, item)
        || ConfigTable.isReference(item)
        || (key != null && table.isSecretKey(key))
        || !table.contents(List.of(item)).secrets().isEmpty();
  }

  List<Change> changes() {
    return changes;
  }

  int unchanged() {
    return unchanged;
  }

  /** Every item of the table after the import. */
  List<Map<String, AttributeValue>> result() {
    return new ArrayList<>(result.values());
  }

  /** The item the plan writes for {@code key}, or null when it writes none. */
  Map<String, AttributeValue> written(String key) {
    return written.get(key);
  }

  /** The writes that carry the plan out. */
  List<BatchWriter.Write> writes() {
    return changes.stream()
        .map(
            change ->
                change.kind() == Kind.REMOVE
                    ? BatchWriter.Write.delete(table, change.key())
                    : BatchWriter.Write.put(change.key(), change.item()))
        .toList();
  }
}
