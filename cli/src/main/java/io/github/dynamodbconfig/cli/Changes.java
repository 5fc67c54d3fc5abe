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

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.cli.ImportPlan.Change;
import java.io.IOException;
import java.util.Locale;

/** How {@code import}, {@code set} and {@code unset} print the changes of a plan. */
final class Changes {

  private Changes() {}

  /** The plan's changes as a JSON array field {@code changes}. */
  static void writeJson(JsonGenerator json, ImportPlan plan) throws IOException {
    json.writeArrayFieldStart("changes");
    for (Change change : plan.changes()) {
      json.writeStartObject();
      json.writeStringField("key", change.key());
      json.writeStringField("change", change.kind().name().toLowerCase(Locale.ROOT));
      if (change.after() != null) {
        json.writeStringField("value", plan.shown(change.after(), change.secret()));
      }
      if (change.before() != null) {
        json.writeStringField("was", plan.shown(change.before(), change.secret()));
      }
      json.writeBooleanField("secret", change.secret());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** The changes made, one line each, or a line saying there were none. */
  static void print(OutputOptions output, ConfigTable table, ImportPlan plan) {
    if (output.json()) {
      output.json(
          json -> {
            json.writeStartObject();
            json.writeStringField("table", table.name());
            writeJson(json, plan);
            json.writeEndObject();
          });
      return;
    }
    plan.lines().forEach(output.out()::println);
    if (plan.changes().isEmpty()) {
      output.out().println("Nothing to change in table '" + table.name() + "'");
    }
  }
}
