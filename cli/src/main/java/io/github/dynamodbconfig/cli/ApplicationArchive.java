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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

/**
 * An application's classes and its own {@code META-INF/microprofile-config.properties}, read from a
 * jar, a war ({@code WEB-INF/classes} and the jars of {@code WEB-INF/lib}) or a classes directory,
 * without loading a class: Jandex reads the class files.
 */
final class ApplicationArchive {

  static final String CONFIG_FILE = "META-INF/microprofile-config.properties";

  private final Indexer indexer = new Indexer();
  private final Set<String> configuredKeys = new HashSet<>();
  private int classes;

  private ApplicationArchive() {}

  /** The index of the application at {@code path}, with the keys of its own config files. */
  static ApplicationArchive read(Path path) {
    ApplicationArchive archive = new ApplicationArchive();
    try {
      if (Files.isDirectory(path)) {
        archive.directory(path);
      } else if (Files.isRegularFile(path)) {
        try (InputStream in = Files.newInputStream(path)) {
          archive.zip(in, path.getFileName().toString().endsWith(".war") ? "WEB-INF/classes/" : "");
        }
      } else {
        throw new CliException(CheckMessages.NO_APPLICATION, path);
      }
    } catch (IOException e) {
      throw new CliException(CheckMessages.APPLICATION, path, e.getMessage());
    }
    if (archive.classes == 0) {
      throw new CliException(CheckMessages.NO_CLASS, path);
    }
    return archive;
  }

  /** A classes directory, or an exploded war (one with {@code WEB-INF}). */
  private void directory(Path root) throws IOException {
    String classesRoot = Files.isDirectory(root.resolve("WEB-INF")) ? "WEB-INF/classes/" : "";
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = root.relativize(file).toString().replace('\\', '/');
        try (InputStream in = Files.newInputStream(file)) {
          entry(name, in, classesRoot);
        }
      }
    }
  }

  /** A jar or war; {@code classesRoot} is where its classes start ({@code WEB-INF/classes/}). */
  private void zip(InputStream in, String classesRoot) throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      if (!entry.isDirectory()) {
        entry(entry.getName(), zip, classesRoot);
      }
    }
  }

  private void entry(String name, InputStream in, String classesRoot) throws IOException {
    if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
      indexer.index(new ByteArrayInputStream(in.readAllBytes()));
      classes++;
    } else if (name.equals(classesRoot + CONFIG_FILE)) {
      Properties properties = new Properties();
      properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      configuredKeys.addAll(nonEmpty(properties));
    } else if (!classesRoot.isEmpty() && name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
      zip(new ByteArrayInputStream(in.readAllBytes()), "");
    }
  }

  Index index() {
    return indexer.complete();
  }

  /** The keys of the application's own {@code META-INF/microprofile-config.properties}. */
  Set<String> configuredKeys() {
    return Set.copyOf(configuredKeys);
  }

  /** How many class files were read. */
  int classes() {
    return classes;
  }

  /** The keys with a value: MicroProfile Config reads an empty value as missing. */
  static Set<String> nonEmpty(Properties properties) {
    Set<String> keys = new HashSet<>();
    for (String key : properties.stringPropertyNames()) {
      if (!properties.getProperty(key).isEmpty()) {
        keys.add(key);
      }
    }
    return keys;
  }
}
