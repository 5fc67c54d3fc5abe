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

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The class paths of the cold-start children and of the footprint, from the files that the build
 * writes ({@code maven-dependency-plugin:build-classpath}): the benchmark module's runtime scope is
 * an application's (the library, SmallRye Config, an SLF4J binding) with the SDK's {@code ec2}
 * module excluded, its provided scope what {@code ec2} adds.
 *
 * @param runtime the application's runtime jars, without {@code ec2}
 * @param ec2 what the {@code ec2} module adds to them
 * @param classes the children's own classes (and their {@code microprofile-config.properties})
 */
record ClassPaths(List<Path> runtime, List<Path> ec2, Path classes) {

  static ClassPaths fromSystemProperties() {
    return new ClassPaths(
        read(required("bench.runtimeClasspath")),
        read(required("bench.ec2Classpath")),
        Path.of(required("bench.classes")));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          "-D" + property + " is not set: run the benchmarks through Maven (docs/performance.md)");
    }
    return value;
  }

  private static List<Path> read(String file) {
    try {
      String text = Files.readString(Path.of(file)).trim();
      List<Path> paths = new ArrayList<>();
      if (!text.isEmpty()) {
        for (String entry : text.split(File.pathSeparator)) {
          paths.add(Path.of(entry));
        }
      }
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The AWS SDK and what it needs at run time. */
  static boolean isSdk(Path jar) {
    String path = jar.toString().replace(File.separatorChar, '/');
    return path.contains("/software/amazon/")
        || path.contains("/org/reactivestreams/")
        || path.contains("/org/slf4j/slf4j-api/");
  }

  static boolean isLibrary(Path jar) {
    String path = jar.toString().replace(File.separatorChar, '/');
    return jar.getFileName().toString().startsWith("dynamodb-config-source")
        || path.endsWith("configsource/target/classes");
  }

  static boolean isSlf4jBinding(Path jar) {
    return jar.getFileName().toString().startsWith("slf4j-nop");
  }

  /** The MicroProfile Config implementation: everything else of the runtime. */
  static boolean isConfigImplementation(Path jar) {
    return !isSdk(jar) && !isLibrary(jar) && !isSlf4jBinding(jar);
  }

  /** What the library brings to an application: its jar and the SDK's. */
  List<Path> libraryRuntime() {
    return runtime.stream().filter(jar -> isLibrary(jar) || isSdk(jar)).toList();
  }

  /** The whole application as the library's dependency brings it: library, SDK, SmallRye Config. */
  String application() {
    return join(jar -> true) + File.pathSeparator + joinPaths(ec2);
  }

  /** The whole application with the {@code ec2} module excluded. */
  String applicationWithoutEc2() {
    return join(jar -> true);
  }

  private static String joinPaths(List<Path> paths) {
    return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
  }

  /** The raw SDK baseline: the SDK (and the binding that keeps it quiet), no Config. */
  String sdkOnly() {
    return join(jar -> isSdk(jar) || isSlf4jBinding(jar));
  }

  /** The floor of doing it by hand: SmallRye Config and the SDK, without the library. */
  String configAndSdk() {
    return join(jar -> !isLibrary(jar));
  }

  /** The properties-file baseline: SmallRye Config only. */
  String configOnly() {
    return join(ClassPaths::isConfigImplementation);
  }

  private String join(Predicate<Path> include) {
    return String.join(
        File.pathSeparator,
        Stream.concat(Stream.of(classes), runtime.stream().filter(include))
            .map(Path::toString)
            .toList());
  }

  /** Bytes of a jar, or of a directory's files. */
  static long size(Path path) {
    try {
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          return files.filter(Files::isRegularFile).mapToLong(ClassPaths::size).sum();
        }
      }
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
