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
package io.github.dynamodbconfig.benchmarks;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Part 5, footprint: the bytes of the jars the library brings, as its dependency brings them (with
 * the SDK's {@code ec2} module) and with {@code ec2} excluded.
 */
final class Footprint {

  private Footprint() {}

  static String table(ClassPaths paths) {
    List<Path> library = paths.libraryRuntime();
    List<Path> withEc2 = Stream.concat(library.stream(), paths.ec2().stream()).toList();
    List<Path> config =
        paths.runtime().stream().filter(ClassPaths::isConfigImplementation).toList();
    var table = new MarkdownTable("jar set", "jars", "MB");
    row(
        table,
        "the library's runtime jars, ec2 excluded (library, SDK dynamodb, url-connection, imds)",
        library);
    row(table, "the library's runtime jars as its dependency brings them (with ec2)", withEc2);
    row(table, "what ec2 adds: " + names(paths.ec2()), paths.ec2());
    row(table, "for scale: SmallRye Config 3.17.2 with its dependencies", config);
    var largest = new MarkdownTable("largest jars of the library's runtime set", "MB");
    withEc2.stream()
        .sorted(Comparator.comparingLong(ClassPaths::size).reversed())
        .limit(5)
        .forEach(jar -> largest.row(jar.getFileName(), mb(ClassPaths.size(jar))));
    return table + "\n" + largest;
  }

  private static void row(MarkdownTable table, String label, List<Path> jars) {
    table.row(label, jars.size(), mb(jars.stream().mapToLong(ClassPaths::size).sum()));
  }

  private static String names(List<Path> jars) {
    return String.join(", ", jars.stream().map(jar -> jar.getFileName().toString()).toList());
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.2f", bytes / 1024.0 / 1024.0);
  }
}
