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
    ADD("+"),
    CHANGE("~"),
    REMOVE("-");

    final String sign;

    Kind(String sign) {
      this.sign = sign;
    }
  }

  /**
   * One change: {@code before} is null for an addition, {@code after} for a removal.
   *
   * @param secret whether the value is shown masked
   */
  record Change(
      String key,
      Kind kind,
      Map<String, AttributeValue> before,
      Map<String, AttributeValue> after,
      boolean secret) {}

  private final ConfigTable table;
  private final List<Change> changes;
  private final int unchanged;
  private final List<Map<String, AttributeValue>> result;

  private ImportPlan(
      ConfigTable table,
      List<Change> changes,
      int unchanged,
      List<Map<String, AttributeValue>> result) {
    this.table = table;
    this.changes = List.copyOf(changes);
    this.unchanged = unchanged;
    this.result = List.copyOf(result);
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
    Map<String, Map<String, AttributeValue>> result = new TreeMap<>(byKey);
    List<Change> changes = new ArrayList<>();
    int unchanged = 0;
    Set<String> given = new HashSet<>();
    for (Entry entry : entries) {
      given.add(entry.key());
      Map<String, AttributeValue> before = byKey.get(entry.key());
      Map<String, AttributeValue> after = desired(table, entry, before, secretKeys);
      result.put(entry.key(), after);
      if (before == null) {
        changes.add(new Change(entry.key(), Kind.ADD, null, after, isSecret(table, after)));
      } else if (!sameItem(before, after)) {
        boolean secret = isSecret(table, before) || isSecret(table, after);
        changes.add(new Change(entry.key(), Kind.CHANGE, before, after, secret));
      } else {
        unchanged++;
      }
    }
    if (prune) {
      for (Map.Entry<String, Map<String, AttributeValue>> item : byKey.entrySet()) {
        if (!given.contains(item.getKey())) {
          result.remove(item.getKey());
          changes.add(
              new Change(
                  item.getKey(),
                  Kind.REMOVE,
                  item.getValue(),
                  null,
                  isSecret(table, item.getValue())));
        }
      }
    }
    changes.sort((a, b) -> a.key().compareTo(b.key()));
    return new ImportPlan(table, changes, unchanged, new ArrayList<>(result.values()));
  }

  private static Map<String, AttributeValue> desired(
      ConfigTable table, Entry entry, Map<String, AttributeValue> before, Set<String> secretKeys) {
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
   * Whether the item's value is shown masked: it is flagged, its key matches the secret patterns,
   * or one of the properties it gives an application is secret.
   */
  static boolean isSecret(ConfigTable table, Map<String, AttributeValue> item) {
    String key = TableItems.key(table, item);
    return flagged(table, item)
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
    return result;
  }

  /** The writes that carry the plan out. */
  List<BatchWriter.Write> writes() {
    return changes.stream()
        .map(
            change ->
                change.kind() == Kind.REMOVE
                    ? BatchWriter.Write.delete(table, change.key())
                    : BatchWriter.Write.put(change.key(), change.after()))
        .toList();
  }

  /** The plan's lines: {@code + key = value}, {@code ~ key = value (was ...)}, {@code - key}. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (Change change : changes) {
      String key = Display.key(change.key());
      lines.add(
          switch (change.kind()) {
            case ADD -> "+ " + key + " = " + shown(change.after(), change.secret());
            case CHANGE ->
                "~ "
                    + key
                    + " = "
                    + shown(change.after(), change.secret())
                    + " (was "
                    + shown(change.before(), change.secret())
                    + ")"
                    + flagChange(change);
            case REMOVE -> "- " + key;
          });
    }
    return lines;
  }

  private String flagChange(Change change) {
    boolean was = flagged(table, change.before());
    boolean is = flagged(table, change.after());
    return was == is ? "" : is ? ", now marked secret" : ", no longer marked secret";
  }

  /** The value of {@code item} as a plan shows it. */
  String shown(Map<String, AttributeValue> item, boolean secret) {
    AttributeValue value = item.get(table.valueAttribute());
    return value == null ? "(no value)" : Display.value(value, secret, false);
  }
}
