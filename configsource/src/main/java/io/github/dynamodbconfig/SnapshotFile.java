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
package io.github.dynamodbconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The last good snapshot of a table on disk ({@code dynamodb.config.snapshot-file}): written after
 * each good load to a temporary file in the same directory, readable and writable by its owner only
 * where the file system has POSIX permissions, then renamed over the old one in one atomic step, so
 * a reader never sees half a file. Read back at start-up when DynamoDB cannot be reached.
 */
final class SnapshotFile {

  private static final String TABLE = "table";
  private static final String SAVED_AT = "saved-at";
  private static final String VALUE = "value.";
  private static final String SECRET = "secret.";

  /** A snapshot read back, with the time since it was saved. */
  record Saved(Snapshot snapshot, Duration age) {}

  private final Path path;

  SnapshotFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** Writes {@code snapshot} of {@code table}, replacing the file in one atomic step. */
  void save(String table, Snapshot snapshot, Instant now) throws IOException {
    Properties properties = new Properties();
    properties.setProperty(TABLE, table);
    properties.setProperty(SAVED_AT, now.toString());
    for (String name : snapshot.names()) {
      properties.setProperty(VALUE + name, snapshot.properties().get(name));
    }
    for (String name : snapshot.secrets()) {
      properties.setProperty(SECRET + name, "true");
    }
    Path directory = path.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    String prefix = "." + path.getFileName() + "-";
    Path temporary =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? Files.createTempFile(
                directory,
                prefix,
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(directory, prefix, ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        properties.store(
            out,
            "Last good snapshot of DynamoDB table '"
                + table
                + "'. It holds secret values: keep it private.");
        channel.force(true);
      }
      Files.move(
          temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * The snapshot of {@code table}, if the file exists, is of that table and is no older than {@code
   * maxAge}. A value is secret when it was at the save, or when its name or its item's key matches
   * {@code secretKeys} now: patterns added since are honoured.
   */
  Optional<Saved> read(String table, Duration maxAge, SecretMatcher secretKeys, Instant now)
      throws IOException {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(path)) {
      properties.load(in);
    }
    if (!table.equals(properties.getProperty(TABLE))) {
      return Optional.empty();
    }
    Instant savedAt;
    try {
      savedAt = Instant.parse(String.valueOf(properties.getProperty(SAVED_AT)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    Duration age = Duration.between(savedAt, now);
    if (age.isNegative() || age.compareTo(maxAge) > 0) {
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>();
    Set<String> secrets = new HashSet<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(VALUE)) {
        values.put(key.substring(VALUE.length()), properties.getProperty(key));
      } else if (key.startsWith(SECRET)) {
        secrets.add(key.substring(SECRET.length()));
      }
    }
    values.keySet().stream().filter(name -> secretByName(secretKeys, name)).forEach(secrets::add);
    return Optional.of(new Saved(new Snapshot(values, secrets), age));
  }

  /**
   * Whether {@code secretKeys} matches {@code name} or the key of the item it came from. The file
   * does not keep that key, but it is {@code name} or a part of it that ends before a {@code .} or
   * {@code [}: each of those is tried, which can only mask more.
   */
  private static boolean secretByName(SecretMatcher secretKeys, String name) {
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if ((c == '.' || c == '[') && secretKeys.matches(name.substring(0, i))) {
        return true;
      }
    }
    return secretKeys.matches(name);
  }
}
