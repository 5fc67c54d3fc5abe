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
package io.github.dynamodbconfig.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * dynalite, the open-source DynamoDB engine, as a Node.js process of its own on 127.0.0.1: found
 * where the testkit's build installed it, started with a launcher that ends the process when this
 * JVM closes the pipe to it or dies.
 */
final class DynaliteProcess {

  /** Where the build installs the engine ({@code npm ci} in the testkit module). */
  static final String MODULES = "testkit/node_modules";

  /** System property naming another {@code node_modules} that holds dynalite. */
  static final String MODULES_PROPERTY = "testkit.engine.modules";

  /** System property naming the Node.js executable; {@code node} on the PATH by default. */
  static final String NODE_PROPERTY = "testkit.node";

  private static final long START_SECONDS = 30;

  private final Process process;
  private final int port;

  private DynaliteProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  int port() {
    return port;
  }

  /** Starts the engine on {@code port} of 127.0.0.1 (0: a free one) and waits until it listens. */
  static DynaliteProcess start(int port) {
    Path modules = modules();
    Path launcher = launcher();
    ProcessBuilder builder =
        new ProcessBuilder(node(), launcher.toString(), Integer.toString(port))
            .redirectError(ProcessBuilder.Redirect.appendTo(errorLog().toFile()));
    builder.environment().put("NODE_PATH", modules.toString());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot start Node.js ("
              + node()
              + "), which runs the local DynamoDB engine (dynalite): install Node.js 20 or newer"
              + " (apt-get install nodejs), or name it with -D"
              + NODE_PROPERTY
              + "=/path/to/node: "
              + e.getMessage(),
          e);
    }
    return new DynaliteProcess(process, awaitPort(process));
  }

  private static int awaitPort(Process process) {
    CompletableFuture<Integer> listening =
        CompletableFuture.supplyAsync(() -> readPort(process.getInputStream()));
    try {
      return listening.get(START_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "The local DynamoDB engine (dynalite) did not start within "
              + START_SECONDS
              + " s: "
              + (e.getCause() != null ? e.getCause().getMessage() : e)
              + " (its errors: "
              + errorLog()
              + ")",
          e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the local DynamoDB engine started", e);
    }
  }

  private static int readPort(InputStream out) {
    var reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("LISTENING ")) {
          return Integer.parseInt(line.substring("LISTENING ".length()).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("the engine's process ended before it listened");
  }

  /** Ends the process: closes its standard input, then kills it if it is still there after 5 s. */
  void stop() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The process id, for tests that check that no engine is left behind. */
  long pid() {
    return process.pid();
  }

  private static String node() {
    return System.getProperty(NODE_PROPERTY, "node");
  }

  /**
   * The {@code node_modules} that holds dynalite: {@link #MODULES_PROPERTY}, else the testkit's
   * own, looked for from the working directory upwards (every module of the project runs below it).
   */
  static Path modules() {
    String given = System.getProperty(MODULES_PROPERTY);
    if (given != null) {
      return Path.of(given).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir.resolve(MODULES), dir.resolve("node_modules"))) {
        if (Files.isDirectory(candidate.resolve("dynalite"))) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "The local DynamoDB engine (dynalite) is not installed: build the testkit module (its"
            + " build runs npm ci), or name a node_modules that holds dynalite with -D"
            + MODULES_PROPERTY);
  }

  private static Path launcher; // guarded by the class

  /** Where the engines of this JVM write what they print on standard error. */
  static Path errorLog() {
    return Path.of(
        System.getProperty("java.io.tmpdir"), "dynalite-" + ProcessHandle.current().pid() + ".log");
  }

  /** The launcher script, copied out of the testkit's jar once per JVM. */
  private static synchronized Path launcher() {
    if (launcher != null) {
      return launcher;
    }
    try (InputStream in = DynaliteProcess.class.getResourceAsStream("dynalite-launcher.js")) {
      if (in == null) {
        throw new IllegalStateException("dynalite-launcher.js is missing from the testkit");
      }
      Path file = Files.createTempFile("dynalite-launcher", ".js");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      launcher = file;
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
