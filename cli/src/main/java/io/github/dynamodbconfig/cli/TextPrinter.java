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

  @Override
  public List<String> init(Report.Init report) {
    return List.of(
        report.created()
            ? "Created table '"
                + report.table()
                + "' with key "
                + report.key()
                + ", "
                + report.billing()
                + " billing: it is ACTIVE"
            : "Table '"
                + report.table()
                + "' already exists with key "
                + report.key()
                + ": nothing to do");
  }

  @Override
  public List<String> importing(Report.Import report) {
    List<String> lines = plan(report.plan());
    lines.add(report.plan().unchanged() + " unchanged");
    if (report.wroteAll()) {
      lines.add(
          "Wrote "
              + Display.count(report.written(), "change", "changes")
              + " to table '"
              + report.table()
              + "'");
    } else if (report.plan().changes().isEmpty()) {
      lines.add(nothingToChange(report.table()));
    }
    return lines;
  }

  @Override
  public List<String> changes(Report.Changes report) {
    List<String> lines = plan(report.plan());
    if (report.plan().changes().isEmpty()) {
      lines.add(nothingToChange(report.table()));
    }
    return lines;
  }

  @Override
  public List<String> unset(Report.Unset report) {
    List<String> lines = new ArrayList<>();
    report.removed().forEach(key -> lines.add("- " + Display.key(key)));
    report
        .notSet()
        .forEach(
            key ->
                lines.add(
                    ConfigTable.quoted(key) + " was not set in table '" + report.table() + "'"));
    return lines;
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
    lines.add("Only in " + report.a() + " (" + report.onlyInA().size() + "):");
    report.onlyInA().forEach(key -> lines.add("  " + Display.key(key)));
    lines.add("Only in " + report.b() + " (" + report.onlyInB().size() + "):");
    report.onlyInB().forEach(key -> lines.add("  " + Display.key(key)));
    lines.add("Different (" + report.different().size() + "):");
    for (Report.Diff.Difference difference : report.different()) {
      lines.add(
          "  "
              + Display.key(difference.key())
              + (difference.secret()
                  ? ": secret values differ"
                  : ": "
                      + Display.value(difference.a(), false)
                      + " | "
                      + Display.value(difference.b(), false)));
    }
    if (report.same()) {
      lines.add("The tables are the same");
    }
    return lines;
  }

  @Override
  public List<String> check(Report.Check report) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Checked "
            + report.classes()
            + " classes of "
            + report.application()
            + " against table '"
            + report.table()
            + "': "
            + report.requiredKeys()
            + " required keys");
    if (report.missing().isEmpty()) {
      lines.add("Every required key is present");
      return lines;
    }
    lines.add("Missing (" + report.missing().size() + "):");
    for (Requirement requirement : report.missing()) {
      lines.add(
          "  "
              + Display.key(requirement.key())
              + ", required by "
              + requirement.className()
              + "#"
              + requirement.member());
    }
    return lines;
  }

  /** The plan's lines: {@code + key = value}, {@code ~ key = value (was ...)}, {@code - key}. */
  private List<String> plan(ImportPlan plan) {
    List<String> lines = new ArrayList<>();
    for (Change change : plan.changes()) {
      String key = Display.key(change.key());
      String value = Display.value(change.value(), change.secret());
      lines.add(
          switch (change.kind()) {
            case ADD -> "+ " + key + " = " + value;
            case CHANGE ->
                "~ "
                    + key
                    + " = "
                    + value
                    + " (was "
                    + Display.value(change.was(), change.secret())
                    + ")"
                    + switch (change.flag()) {
                      case KEPT -> "";
                      case NOW_SECRET -> ", now marked secret";
                      case NO_LONGER_SECRET -> ", no longer marked secret";
                    };
            case REMOVE -> "- " + key;
          });
    }
    return lines;
  }

  private static String nothingToChange(String table) {
    return "Nothing to change in table '" + table + "'";
  }
}
