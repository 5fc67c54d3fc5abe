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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The library's rules, applied to an import before anything is written: every item valid as the
 * source reads it (names MicroProfile Config can express, no two items yielding one property), no
 * empty value (an application reads it as absent), no masked value written over a secret.
 */
final class ImportChecks {

  private ImportChecks() {}

  /**
   * Every problem of importing {@code entries}, by key and line, never by value.
   *
   * @param current the table's items now
   * @param result the table's items after the import
   * @param secretKeys the keys given with {@code --secret}
   */
  static List<String> problems(
      ConfigTable table,
      List<Entry> entries,
      List<Map<String, AttributeValue>> current,
      List<Map<String, AttributeValue>> result,
      Set<String> secretKeys) {
    List<String> problems = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Map<String, Map<String, AttributeValue>> before = TableItems.byKey(table, current);
    for (Entry entry : entries) {
      keys.add(entry.key());
      String where = "line " + entry.line() + ": " + ConfigTable.quoted(entry.key());
      if (ConfigTable.isChangeStampKey(entry.key())) {
        problems.add(where + " is the key of the table's change stamp, which is no setting");
      }
      if (table.isEmpty(entry.key(), entry.value())) {
        problems.add(
            where
                + " has an empty value, which an application reads as absent; leave the key out"
                + " (or remove it with unset)");
      }
      if (Display.MASK.equals(entry.value().s())
          && (entry.secret()
              || secretKeys.contains(entry.key())
              || table.isSecretKey(entry.key())
              || (before.containsKey(entry.key())
                  && ImportPlan.isSecret(table, before.get(entry.key()))))) {
        problems.add(
            where
                + " holds "
                + Display.MASK
                + ", the mask of an export without --reveal-secrets, not a secret's value");
      }
    }
    for (String key : secretKeys) {
      if (!keys.contains(key)) {
        problems.add("--secret " + ConfigTable.quoted(key) + " names a key the file does not hold");
      }
    }
    // Problems the import would bring: those of the table afterwards that it does not have now.
    Set<String> already = new LinkedHashSet<>(table.contents(current).invalidItems());
    for (String invalid : table.contents(result).invalidItems()) {
      if (!already.contains(invalid)) {
        problems.add(invalid);
      }
    }
    return problems;
  }
}
