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
package io.github.dynamodbconfig.it.servers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An application project built as its user builds it: a copy of the project's directory, then the
 * project's Maven wrapper ({@code mvnw -B -ntp package}) in a process of its own, with the local
 * repository of this build (where the library was installed before the tests).
 */
final class MavenBuild {

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final Path project;
  private final Path log;

  private MavenBuild(Path project, Path log) {
    this.project = project;
    this.log = log;
  }

  /**
   * Copies {@code source} into a fresh {@code run}/{@code project} and runs {@code mvnw package}
   * there on the JDK {@code javaHome}, with {@code properties} as {@code -D} options and {@code
   * environment} added to this JVM's. Fails with the log's end when the build fails.
   */
  static MavenBuild packageProject(
      String name,
      Path source,
      Path run,
      Path javaHome,
      Map<String, String> properties,
      Map<String, String> environment) {
    Path project = run.resolve("project");
    copy(source, project);
    List<String> command = new ArrayList<>();
    command.add(Deployment.path("maven.wrapper").toString());
    command.addAll(
        List.of("-B", "-ntp", "-Dmaven.repo.local=" + Deployment.path("maven.repo.local")));
    command.addAll(Deployment.asArguments(properties));
    command.add("package");
    Path log = run.resolve("build.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("MAVEN_OPTS");
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    try {
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not finish within " + TIMEOUT + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            name + " failed with status " + process.exitValue() + tail(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf(
        Locale.ROOT, "[servers] %s built in %.1f s%n", name, time.toMillis() / 1000.0);
    return new MavenBuild(project, log);
  }

  /** The built project's directory. */
  Path project() {
    return project;
  }

  /** The build's output: Maven's and every plugin's, the application build's log. */
  String log() {
    return ServerProcess.read(log);
  }

  private static String tail(Path log) {
    String text = ServerProcess.read(log);
    return ":\n" + text.substring(Math.max(0, text.length() - 6000));
  }

  private static void copy(Path source, Path target) {
    try (Stream<Path> files = Files.walk(source)) {
      if (Files.exists(target)) {
        try (Stream<Path> old = Files.walk(target)) {
          old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
