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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * An application server run as a process of its own: started with its output in a file, waited for
 * until its log says it has started, and stopped by PID, its child processes first.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final String name;
  private final Process process;
  private final Path output;
  private final long startNanos;
  private Duration startTime;

  private ServerProcess(String name, Process process, Path output, long startNanos) {
    this.name = name;
    this.process = process;
    this.output = output;
    this.startNanos = startNanos;
  }

  /**
   * Starts {@code command} in {@code directory} with {@code environment} added to this JVM's (less
   * {@code JAVA_OPTS}, which servers' scripts read), its output and errors in {@code output}.
   */
  static ServerProcess start(
      String name,
      List<String> command,
      Path directory,
      Map<String, String> environment,
      Path output) {
    try {
      Files.createDirectories(output.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().remove("JAVA_OPTS");
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().putAll(environment);
      long start = System.nanoTime();
      ServerProcess server = new ServerProcess(name, builder.start(), output, start);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
    }
  }

  /**
   * Waits until {@code log} has a line matching {@code started}, then prints the start time into
   * the build log. Fails when the process ends without that line or after four minutes.
   */
  ServerProcess awaitStarted(Path log, Pattern started) {
    long deadline = startNanos + START_TIMEOUT.toNanos();
    while (!matches(log, started)) {
      if (!process.isAlive() && !matches(log, started)) {
        throw new IllegalStateException(
            name + " ended with status " + process.exitValue() + ":\n" + tail(output));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            name + " did not start within " + START_TIMEOUT + ":\n" + tail(output));
      }
      sleep(100);
    }
    startTime = Duration.ofNanos(System.nanoTime() - startNanos);
    System.out.printf(
        Locale.ROOT,
        "[servers] %s started in %.1f s (pid %d)%n",
        name,
        startTime.toMillis() / 1000.0,
        process.pid());
    return this;
  }

  /** Waits up to {@code timeout} for a line of {@code log} matching {@code pattern}. */
  static boolean awaitLine(Path log, Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!matches(log, pattern)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep(100);
    }
    return true;
  }

  /** How long the server took to start. */
  Duration startTime() {
    return startTime;
  }

  /** The process's output so far. */
  String output() {
    return read(output);
  }

  /** The content of a text file, empty when it does not exist yet. */
  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean matches(Path log, Pattern pattern) {
    return pattern.matcher(read(log)).find();
  }

  private static String tail(Path file) {
    String text = read(file);
    return text.substring(Math.max(0, text.length() - 6000));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the process tree by PID: children first (the server JVM under a script), then it. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    long start = System.nanoTime();
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    Collections.reverse(tree);
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "[servers] %s stopped in %.1f s (pid %d)%n",
        name,
        (System.nanoTime() - start) / 1e9,
        process.pid());
  }
}
