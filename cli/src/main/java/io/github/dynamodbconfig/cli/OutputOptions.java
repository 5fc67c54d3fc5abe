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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --output text|json}, and where a command writes: its standard output and error. */
final class OutputOptions {

  /** How a command prints its result. */
  enum Style {
    text,
    json
  }

  /** Writes the fields of one JSON object. */
  interface JsonWriter {
    void write(JsonGenerator json) throws IOException;
  }

  @Option(
      names = "--output",
      paramLabel = "STYLE",
      defaultValue = "text",
      description = "text (default) or json, for scripts")
  Style style;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  boolean json() {
    return style == Style.json;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints {@code report} on standard output: its lines, or one JSON document. */
  void print(Report report) {
    print(report, false);
  }

  /**
   * Prints {@code report} on standard output: its lines, with long values of plans and diffs
   * shortened unless {@code fullValues}, or one JSON document, values whole.
   */
  void print(Report report, boolean fullValues) {
    PrintWriter out = out();
    if (!json()) {
      report.accept(new TextPrinter(fullValues)).forEach(out::println);
      return;
    }
    JsonWriter fields = report.accept(new JsonPrinter());
    try (JsonGenerator json = DynamoJson.generator(out)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
