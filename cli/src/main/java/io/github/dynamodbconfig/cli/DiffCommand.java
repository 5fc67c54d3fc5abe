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
  @Mixin ValueOptions values;

  @Parameters(index = "0", paramLabel = "A", description = "A role, or table:NAME")
  String first;

  @Parameters(index = "1", paramLabel = "B", description = "A role, or table:NAME")
  String second;

  @Option(
      names = "--ignore",
      paramLabel = "GLOB",
      description = "Leave out the keys that match GLOB (repeatable), e.g. 'feature.*'")
  List<String> ignored = new ArrayList<>();

  @Override
  public Integer call() {
    ConfigTable a = options.named(first);
    ConfigTable b = options.named(second);
    Map<String, Map<String, AttributeValue>> itemsA = TableItems.byKey(a, TableSession.readAll(a));
    Map<String, Map<String, AttributeValue>> itemsB = TableItems.byKey(b, TableSession.readAll(b));
    List<PathMatcher> globs =
        ignored.stream()
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
            .toList();
    Report.Diff diff =
        new Report.Diff(
            a.name(), b.name(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    TreeSet<String> keys = new TreeSet<>(itemsA.keySet());
    keys.addAll(itemsB.keySet());
    for (String key : keys) {
      if (globs.stream().noneMatch(glob -> matches(glob, key))) {
        compare(key, a, itemsA.get(key), b, itemsB.get(key), diff);
      }
    }
    output.print(diff, values.full);
    return diff.same() ? 0 : DynamoDbConfigCli.DIFFERENT;
  }

  private static void compare(
      String key,
      ConfigTable a,
      Map<String, AttributeValue> inA,
      ConfigTable b,
      Map<String, AttributeValue> inB,
      Report.Diff diff) {
    if (inB == null) {
      diff.onlyInA().add(key);
    } else if (inA == null) {
      diff.onlyInB().add(key);
    } else {
      AttributeValue valueA = inA.get(a.valueAttribute());
      AttributeValue valueB = inB.get(b.valueAttribute());
      if (valueA == null ? valueB != null : !valueA.equals(valueB)) {
        boolean secret = ImportPlan.isSecret(a, inA) || ImportPlan.isSecret(b, inB);
        diff.different().add(new Report.Diff.Difference(key, valueA, valueB, secret));
      }
    }
  }

  private static boolean matches(PathMatcher glob, String key) {
    try {
      return glob.matches(Path.of(key));
    } catch (RuntimeException e) {
      return false; // a key that is no valid path cannot match a glob of names
    }
  }
}
