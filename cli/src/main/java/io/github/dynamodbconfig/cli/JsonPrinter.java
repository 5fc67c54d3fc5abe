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
import io.github.dynamodbconfig.cli.ImportPlan.Change;
import io.github.dynamodbconfig.cli.OutputOptions.JsonWriter;
import io.github.dynamodbconfig.cli.RequiredKeys.Requirement;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a command's {@link Report} as one JSON document for scripts: values whole, no ids. */
final class JsonPrinter implements Report.Printer<JsonWriter> {

  @Override
  public JsonWriter init(Report.Init report) {
    return json -> {
      json.writeStringField("table", report.table());
      json.writeBooleanField("created", report.created());
      json.writeStringField("key", report.key());
      if (report.created()) {
        json.writeStringField("billing", report.billing());
      }
      if (report.keyring().asked()) {
        json.writeObjectFieldStart("keyring");
        json.writeBooleanField("made", report.keyring().made());
        if (report.keyring().made()) {
          json.writeStringField("kmsKey", report.keyring().kmsKey());
        }
        json.writeEndObject();
      }
    };
  }

  @Override
  public JsonWriter importing(Report.Import report) {
    return json -> {
      json.writeStringField("table", report.table());
      json.writeBooleanField("dryRun", report.dryRun());
      changes(json, report.plan());
      json.writeNumberField("unchanged", report.plan().unchanged());
      json.writeNumberField("written", report.written());
    };
  }

  @Override
  public JsonWriter changes(Report.Changes report) {
    return json -> {
      json.writeStringField("table", report.table());
      changes(json, report.plan());
    };
  }

  @Override
  public JsonWriter unset(Report.Unset report) {
    return json -> {
      json.writeStringField("table", report.table());
      strings(json, "removed", report.removed());
      strings(json, "notSet", report.notSet());
    };
  }

  @Override
  public JsonWriter seal(Report.Seal report) {
    return json -> {
      json.writeStringField("table", report.table());
      json.writeBooleanField("dryRun", report.dryRun());
      strings(json, "sealed", report.keys());
      strings(json, "cannotSeal", report.unsealable());
    };
  }

  @Override
  public JsonWriter rekey(Report.Rekey report) {
    return json -> {
      json.writeStringField("table", report.table());
      json.writeBooleanField("dryRun", report.dryRun());
      json.writeStringField("dataKey", report.dataKey());
      json.writeStringField("kmsKey", report.kmsKey());
      strings(json, "sealedAgain", report.keys());
      strings(json, "keptDataKeys", report.kept());
    };
  }

  @Override
  public JsonWriter rewrap(Report.Rewrap report) {
    return json -> {
      json.writeStringField("table", report.table());
      json.writeBooleanField("dryRun", report.dryRun());
      json.writeStringField("kmsKey", report.kmsKey());
      json.writeNumberField("dataKeys", report.dataKeys());
    };
  }

  @Override
  public JsonWriter link(Report.Link report) {
    return json -> {
      json.writeStringField("table", report.table());
      json.writeStringField("key", report.key());
      json.writeStringField("secretId", report.secretId());
      if (report.jsonKey().isPresent()) {
        json.writeStringField("jsonKey", report.jsonKey().get());
      }
      if (report.stage().isPresent()) {
        json.writeStringField("versionStage", report.stage().get());
      }
      json.writeBooleanField("linked", report.linked());
      strings(json, "properties", report.properties());
    };
  }

  @Override
  public JsonWriter get(Report.Get report) {
    return json -> {
      json.writeStringField("key", report.key());
      json.writeBooleanField("secret", report.secret());
      json.writeObjectFieldStart("properties");
      for (Map.Entry<String, String> property : report.properties().entrySet()) {
        json.writeStringField(property.getKey(), property.getValue());
      }
      json.writeEndObject();
    };
  }

  @Override
  public JsonWriter diff(Report.Diff report) {
    return json -> {
      json.writeStringField("a", report.a());
      json.writeStringField("b", report.b());
      strings(json, "onlyInA", report.onlyInA());
      strings(json, "onlyInB", report.onlyInB());
      json.writeArrayFieldStart("different");
      for (Report.Diff.Difference difference : report.different()) {
        json.writeStartObject();
        json.writeStringField("key", difference.key());
        if (difference.secret()) {
          json.writeStringField("note", DiffMessages.SECRETS_DIFFER.format());
        } else {
          json.writeStringField("a", Display.value(difference.a(), false));
          json.writeStringField("b", Display.value(difference.b(), false));
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeBooleanField("same", report.same());
    };
  }

  @Override
  public JsonWriter check(Report.Check report) {
    return json -> {
      json.writeStringField("table", report.table());
      json.writeStringField("application", report.application());
      json.writeNumberField("classes", report.classes());
      json.writeNumberField("requiredKeys", report.requiredKeys());
      json.writeArrayFieldStart("missing");
      for (Requirement requirement : report.missing()) {
        json.writeStartObject();
        json.writeStringField("key", requirement.key());
        json.writeStringField("class", requirement.className());
        json.writeStringField("member", requirement.member());
        json.writeEndObject();
      }
      json.writeEndArray();
    };
  }

  /** The plan's changes as a JSON array field {@code changes}. */
  private static void changes(JsonGenerator json, ImportPlan plan) throws IOException {
    json.writeArrayFieldStart("changes");
    for (Change change : plan.changes()) {
      json.writeStartObject();
      json.writeStringField("key", change.key());
      json.writeStringField("change", change.kind().name().toLowerCase(Locale.ROOT));
      if (change.kind() != ImportPlan.Kind.REMOVE) {
        json.writeStringField("value", Display.value(change.value(), change.secret()));
      }
      if (change.kind() != ImportPlan.Kind.ADD) {
        json.writeStringField("was", Display.value(change.was(), change.secret()));
      }
      json.writeBooleanField("secret", change.secret());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void strings(JsonGenerator json, String field, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
