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
import io.github.dynamodbconfig.cli.ImportPlan.Change;
import io.github.dynamodbconfig.cli.RequiredKeys.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints a command's {@link Report} as the lines a person reads on standard output. */
final class TextPrinter implements Report.Printer<List<String>> {

  private final boolean fullValues;

  /** A printer of plans and diffs that shows long values whole when {@code fullValues}. */
  TextPrinter(boolean fullValues) {
    this.fullValues = fullValues;
  }

  @Override
  public List<String> init(Report.Init report) {
    List<String> lines = new ArrayList<>();
    lines.add(
        report.created()
            ? TableMessages.CREATED.format(report.table(), report.key(), report.billing())
            : TableMessages.EXISTS.format(report.table(), report.key()));
    if (report.keyring().made()) {
      lines.add(TableMessages.KEYRING_MADE.format(report.table(), report.keyring().kmsKey()));
    } else if (report.keyring().asked()) {
      lines.add(TableMessages.KEYRING_EXISTS.format(report.table()));
    }
    return lines;
  }

  @Override
  public List<String> importing(Report.Import report) {
    List<String> lines = plan(report.plan());
    lines.add(ImportMessages.UNCHANGED.format(report.plan().unchanged()));
    if (report.wroteAll()) {
      lines.add(
          ImportMessages.WROTE.format(
              Display.count(report.written(), "change", "changes"), report.table()));
    } else if (report.plan().changes().isEmpty()) {
      lines.add(ImportMessages.NOTHING_TO_CHANGE.format(report.table()));
    }
    return lines;
  }

  @Override
  public List<String> changes(Report.Changes report) {
    List<String> lines = plan(report.plan());
    if (report.plan().changes().isEmpty()) {
      lines.add(ImportMessages.NOTHING_TO_CHANGE.format(report.table()));
    }
    return lines;
  }

  @Override
  public List<String> unset(Report.Unset report) {
    List<String> lines = new ArrayList<>();
    report.removed().forEach(key -> lines.add(ImportMessages.REMOVED.format(Display.key(key))));
    report
        .notSet()
        .forEach(
            key ->
                lines.add(
                    KeyMessages.NOT_SET_BEFORE.format(ConfigTable.quoted(key), report.table())));
    return lines;
  }

  @Override
  public List<String> seal(Report.Seal report) {
    List<String> lines = new ArrayList<>();
    if (report.keys().isEmpty() && report.unsealable().isEmpty()) {
      lines.add(TableMessages.NOTHING_TO_SEAL.format(report.table()));
    } else if (!report.keys().isEmpty()) {
      lines.add(
          (report.dryRun() ? TableMessages.WOULD_SEAL : TableMessages.SEALED)
              .format(
                  Display.count(report.keys().size(), "secret", "secrets"),
                  report.table(),
                  quotedList(report.keys())));
    }
    if (!report.unsealable().isEmpty()) {
      lines.add(
          TableMessages.CANNOT_SEAL.format(
              Display.count(report.unsealable().size(), "secret", "secrets"),
              report.table(),
              quotedList(report.unsealable())));
    }
    return lines;
  }

  @Override
  public List<String> rekey(Report.Rekey report) {
    String items = Display.count(report.keys().size(), "sealed item", "sealed items");
    if (report.dryRun()) {
      return List.of(TableMessages.WOULD_RESEAL.format(items, report.table(), report.kmsKey()));
    }
    if (report.kept().isEmpty()) {
      return List.of(
          TableMessages.RESEALED.format(items, report.table(), report.dataKey(), report.kmsKey()));
    }
    return List.of(
        TableMessages.RESEALED_KEPT.format(
            items,
            report.table(),
            report.dataKey(),
            report.kmsKey(),
            Display.count(report.kept().size(), "data key", "data keys"),
            String.join(", ", report.kept())));
  }

  @Override
  public List<String> rewrap(Report.Rewrap report) {
    String keys = Display.count(report.dataKeys(), "data key", "data keys");
    return List.of(
        (report.dryRun() ? TableMessages.WOULD_REWRAP : TableMessages.REWRAPPED)
            .format(keys, report.table(), report.kmsKey()));
  }

  @Override
  public List<String> link(Report.Link report) {
    String secret =
        report.secretId()
            + report.jsonKey().map(field -> ", JSON key " + field).orElse("")
            + report.stage().map(label -> ", stage " + label).orElse("");
    return List.of(
        (report.linked() ? TableMessages.LINKED : TableMessages.ALREADY_LINKED)
            .format(
                ConfigTable.quoted(report.key()),
                report.table(),
                secret,
                Display.count(report.properties().size(), "property", "properties"),
                quotedList(report.properties())));
  }

  private static String quotedList(List<String> keys) {
    return String.join(", ", keys.stream().map(ConfigTable::quoted).toList());
  }

  @Override
  public List<String> get(Report.Get report) {
    Map<String, String> properties = report.properties();
    if (properties.size() == 1 && properties.containsKey(report.key())) {
      return List.of(properties.get(report.key()));
    }
    List<String> lines = new ArrayList<>();
    properties.forEach((name, value) -> lines.add(Display.key(name) + "=" + value));
    return lines;
  }

  @Override
  public List<String> diff(Report.Diff report) {
    List<String> lines = new ArrayList<>();
    keys(lines, DiffMessages.ONLY_IN.format(report.a(), report.onlyInA().size()), report.onlyInA());
    keys(lines, DiffMessages.ONLY_IN.format(report.b(), report.onlyInB().size()), report.onlyInB());
    lines.add(DiffMessages.DIFFERENT.format(report.different().size()));
    for (Report.Diff.Difference difference : report.different()) {
      String key = Display.key(difference.key());
      lines.add(
          difference.secret()
              ? DiffMessages.SECRETS.format(key, DiffMessages.SECRETS_DIFFER.format())
              : DiffMessages.VALUES.format(
                  key,
                  Display.value(difference.a(), false, fullValues),
                  Display.value(difference.b(), false, fullValues)));
    }
    if (report.same()) {
      lines.add(DiffMessages.SAME.format());
    }
    return lines;
  }

  private static void keys(List<String> lines, String heading, List<String> keys) {
    lines.add(heading);
    keys.forEach(key -> lines.add(DiffMessages.KEY.format(Display.key(key))));
  }

  @Override
  public List<String> check(Report.Check report) {
    List<String> lines = new ArrayList<>();
    lines.add(
        CheckMessages.CHECKED.format(
            Display.count(report.classes(), "class", "classes"),
            report.application(),
            report.table(),
            Display.count(report.requiredKeys(), "required key", "required keys")));
    if (report.missing().isEmpty()) {
      lines.add(CheckMessages.ALL_PRESENT.format());
      return lines;
    }
    lines.add(CheckMessages.MISSING.format(report.missing().size()));
    for (Requirement requirement : report.missing()) {
      lines.add(
          CheckMessages.REQUIRED_BY.format(
              Display.key(requirement.key()), requirement.className(), requirement.member()));
    }
    return lines;
  }

  /** The plan's lines: {@code + key = value}, {@code ~ key = value (was ...)}, {@code - key}. */
  private List<String> plan(ImportPlan plan) {
    List<String> lines = new ArrayList<>();
    for (Change change : plan.changes()) {
      String key = Display.key(change.key());
      lines.add(
          switch (change.kind()) {
            case ADD ->
                ImportMessages.ADDED.format(
                    key, Display.value(change.value(), change.secret(), fullValues));
            case CHANGE ->
                ImportMessages.CHANGED.format(
                    key,
                    Display.value(change.value(), change.secret(), fullValues),
                    Display.value(change.was(), change.secret(), fullValues),
                    switch (change.flag()) {
                      case KEPT -> "";
                      case NOW_SECRET -> ImportMessages.NOW_SECRET.format();
                      case NO_LONGER_SECRET -> ImportMessages.NO_LONGER_SECRET.format();
                    });
            case REMOVE -> ImportMessages.REMOVED.format(key);
          });
    }
    return lines;
  }
}
