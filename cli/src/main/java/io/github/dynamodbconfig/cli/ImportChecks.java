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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The library's rules, applied to an import or a {@code set} before anything is written: every item
 * valid as the source reads it (names MicroProfile Config can express, no two items yielding one
 * property), no empty value (an application reads it as absent), no masked value written over a
 * secret; and DynamoDB's own limits on every item to be written ({@link ItemLimits}).
 */
final class ImportChecks {

  /**
   * A problem of a setting, named by key, never by value.
   *
   * @param line the line of the file it is on, or 0 for one of no line
   */
  record Problem(int line, String text) {

    /** {@code line N: text}, or the text alone for a problem of no line. */
    String withLine() {
      return line > 0 ? ImportMessages.LINE.format(line, text) : text;
    }
  }

  private ImportChecks() {}

  /**
   * The plan of importing {@code entries} into a table that holds {@code current}, once every
   * setting passed the checks.
   *
   * @param secretKeys the keys given with {@code --secret}
   * @param refusal the failure that lists the problems found
   * @throws CliException from {@code refusal}, when a setting has a problem
   */
  static ImportPlan checkedPlan(
      ConfigTable table,
      List<Map<String, AttributeValue>> current,
      List<Entry> entries,
      Set<String> secretKeys,
      boolean prune,
      Function<List<Problem>, CliException> refusal) {
    ImportPlan plan = ImportPlan.of(table, current, entries, secretKeys, prune);
    List<Problem> problems = problems(table, entries, current, plan, secretKeys);
    if (!problems.isEmpty()) {
      throw refusal.apply(problems);
    }
    return plan;
  }

  private static List<Problem> problems(
      ConfigTable table,
      List<Entry> entries,
      List<Map<String, AttributeValue>> current,
      ImportPlan plan,
      Set<String> secretKeys) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Map<String, AttributeValue>> before = TableItems.byKey(table, current);
    for (Entry entry : entries) {
      Map<String, AttributeValue> was = before.get(entry.key());
      boolean secret =
          entry.secret()
              || secretKeys.contains(entry.key())
              || table.isSecretKey(entry.key())
              || (was != null && ImportPlan.isSecret(table, was));
      for (String problem : entryProblems(table, entry, secret, plan.written(entry.key()))) {
        problems.add(new Problem(entry.line(), problem));
      }
    }
    Set<String> keys = entries.stream().map(Entry::key).collect(Collectors.toSet());
    for (String key : secretKeys) {
      if (!keys.contains(key)) {
        problems.add(
            new Problem(0, ImportMessages.SECRET_NOT_IN_FILE.format(ConfigTable.quoted(key))));
      }
    }
    // Problems the import would bring: those of the table afterwards that it does not have now.
    Set<String> already = new HashSet<>(table.contents(current).invalidItems());
    for (String invalid : table.contents(plan.result()).invalidItems()) {
      if (!already.contains(invalid)) {
        problems.add(new Problem(0, invalid));
      }
    }
    return problems;
  }

  /**
   * The problems of one setting: {@code secret} when it is or was a secret, {@code written} the
   * item the import writes for it (null when it writes none), checked against DynamoDB's limits.
   */
  private static List<String> entryProblems(
      ConfigTable table, Entry entry, boolean secret, Map<String, AttributeValue> written) {
    List<String> problems = new ArrayList<>();
    String key = ConfigTable.quoted(entry.key());
    if (ConfigTable.isReservedKey(entry.key())) {
      problems.add(ImportMessages.STAMP_KEY.format(key));
    }
    if (table.isEmpty(entry.key(), entry.value())) {
      problems.add(ImportMessages.EMPTY_VALUE.format(key));
    }
    if (secret && Display.mask().equals(entry.value().s())) {
      problems.add(ImportMessages.MASKED.format(key, Display.mask()));
    }
    if (written != null) {
      problems.addAll(ItemLimits.problems(key, entry.key(), written));
    }
    return problems;
  }
}
