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
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code diff}: compares two tables key by key. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two tables key by key.",
      "%nA and B are roles, or table:NAME. Prints the keys only in A, the keys only in B, and the keys whose values differ; secret values are never shown, only 'secret values differ'. Exit 0 when the tables are the same, 1 when they differ."
    })
final class DiffCommand implements Callable<Integer> {

  @Mixin TableOptions options;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "A", description = "A role, or table:NAME")
  String first;

  @Parameters(index = "1", paramLabel = "B", description = "A role, or table:NAME")
  String second;

  @Option(
      names = "--ignore",
      paramLabel = "GLOB",
      description = "Leave out the keys that match GLOB (repeatable), e.g. 'feature.*'")
  List<String> ignored = new ArrayList<>();

  /** A key whose values differ; {@code secret} when either side is secret (values not shown). */
  record Difference(String key, String a, String b, boolean secret) {}

  @Override
  public Integer call() {
    ConfigTable a = options.named(first);
    ConfigTable b = options.named(second);
    Map<String, Map<String, AttributeValue>> itemsA = TableItems.byKey(a, TableItems.read(a));
    Map<String, Map<String, AttributeValue>> itemsB = TableItems.byKey(b, TableItems.read(b));
    List<PathMatcher> globs =
        ignored.stream()
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
            .toList();
    List<String> onlyA = new ArrayList<>();
    List<String> onlyB = new ArrayList<>();
    List<Difference> different = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(itemsA.keySet());
    keys.addAll(itemsB.keySet());
    for (String key : keys) {
      if (globs.stream().anyMatch(glob -> matches(glob, key))) {
        continue;
      }
      Map<String, AttributeValue> inA = itemsA.get(key);
      Map<String, AttributeValue> inB = itemsB.get(key);
      if (inB == null) {
        onlyA.add(key);
      } else if (inA == null) {
        onlyB.add(key);
      } else {
        AttributeValue valueA = inA.get(a.valueAttribute());
        AttributeValue valueB = inB.get(b.valueAttribute());
        boolean secret = ImportPlan.isSecret(a, inA) || ImportPlan.isSecret(b, inB);
        if (valueA == null ? valueB != null : !valueA.equals(valueB)) {
          different.add(new Difference(key, shown(valueA, secret), shown(valueB, secret), secret));
        }
      }
    }
    print(a, b, onlyA, onlyB, different);
    return onlyA.isEmpty() && onlyB.isEmpty() && different.isEmpty()
        ? 0
        : DynamoDbConfigCli.DIFFERENT;
  }

  private static boolean matches(PathMatcher glob, String key) {
    try {
      return glob.matches(Path.of(key));
    } catch (RuntimeException e) {
      return false; // a key that is no valid path cannot match a glob of names
    }
  }

  private static String shown(AttributeValue value, boolean secret) {
    return value == null ? "(no value)" : Display.value(value, secret, false);
  }

  private void print(
      ConfigTable a,
      ConfigTable b,
      List<String> onlyA,
      List<String> onlyB,
      List<Difference> different) {
    if (output.json()) {
      output.json(
          json -> {
            json.writeStartObject();
            json.writeStringField("a", a.name());
            json.writeStringField("b", b.name());
            json.writeArrayFieldStart("onlyInA");
            for (String key : onlyA) {
              json.writeString(key);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("onlyInB");
            for (String key : onlyB) {
              json.writeString(key);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("different");
            for (Difference difference : different) {
              json.writeStartObject();
              json.writeStringField("key", difference.key());
              if (difference.secret()) {
                json.writeStringField("note", "secret values differ");
              } else {
                json.writeStringField("a", difference.a());
                json.writeStringField("b", difference.b());
              }
              json.writeEndObject();
            }
            json.writeEndArray();
            json.writeBooleanField(
                "same", onlyA.isEmpty() && onlyB.isEmpty() && different.isEmpty());
            json.writeEndObject();
          });
      return;
    }
    var out = output.out();
    out.println("Only in " + a.name() + " (" + onlyA.size() + "):");
    onlyA.forEach(key -> out.println("  " + Display.key(key)));
    out.println("Only in " + b.name() + " (" + onlyB.size() + "):");
    onlyB.forEach(key -> out.println("  " + Display.key(key)));
    out.println("Different (" + different.size() + "):");
    for (Difference difference : different) {
      out.println(
          "  "
              + Display.key(difference.key())
              + (difference.secret()
                  ? ": secret values differ"
                  : ": " + difference.a() + " | " + difference.b()));
    }
    if (onlyA.isEmpty() && onlyB.isEmpty() && different.isEmpty()) {
      out.println("The tables are the same");
    }
  }
}
