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
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The last good snapshot of a table on disk ({@code dynamodb.config.snapshot-file}): written after
 * each good load to a temporary file in the same directory, readable and writable by its owner only
 * where the file system has POSIX permissions, then renamed over the old one in one atomic step, so
 * a reader never sees half a file. Read back at start-up when DynamoDB cannot be reached. A sealed
 * value is kept as the table stores it, sealed, with the table's keyring (its data keys wrapped by
 * KMS): never in plain text. A value that a Secrets Manager secret gave is not kept at all: the
 * file keeps its reference, read again when an application starts from the file.
 */
final class SnapshotFile {

  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private static final String TABLE = "table";
  private static final String SAVED_AT = "saved-at";
  private static final String VALUE = "value.";
  private static final String SECRET = "secret.";
  private static final String SEALED = "sealed.";
  private static final String SEALED_VERSION = "sealed-version.";
  private static final String REFERENCE = "reference.";
  private static final String KEYRING = "keyring.";
  private static final String TABLE_ID = KEYRING + "table-id";
  private static final String ACTIVE = KEYRING + "active";

  /**
   * A snapshot read back, with the time since it was saved, and the sealed properties it holds as
   * they were stored (their values not in {@code snapshot} until opened).
   */
  record Saved(
      Snapshot snapshot,
      Duration age,
      Optional<SealedForms> sealed,
      List<SecretReference> references) {}

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
    Map<String, SealedForms.Form> forms =
        snapshot.sealed().map(SealedForms::forms).orElse(Map.of());
    Set<String> referenced = snapshot.referenced().names();
    for (String name : snapshot.names()) {
      if (!forms.containsKey(name) && !referenced.contains(name)) {
        properties.setProperty(VALUE + name, snapshot.properties().get(name));
      }
    }
    snapshot.sealed().ifPresent(stored -> putSealed(properties, stored));
    for (SecretReference reference : snapshot.referenced().references()) {
      String prefix = REFERENCE + reference.key() + ".";
      properties.setProperty(prefix + "secret-id", reference.secretId());
      reference.jsonKey().ifPresent(field -> properties.setProperty(prefix + "json-key", field));
      properties.setProperty(prefix + "stage", reference.stage());
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
                + "'. It holds the secret values that are neither sealed nor referenced: keep it"
                + " private.");
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
    return Optional.of(
        new Saved(new Snapshot(values, secrets), age, sealed(properties), references(properties)));
  }

  /** The references of a file, in the order of their keys. */
  private static List<SecretReference> references(Properties properties) {
    Map<String, SecretReference> references = new TreeMap<>();
    String idSuffix = ".secret-id";
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(REFERENCE) && name.endsWith(idSuffix)) {
        String key = name.substring(REFERENCE.length(), name.length() - idSuffix.length());
        String prefix = REFERENCE + key + ".";
        references.put(
            key,
            new SecretReference(
                key,
                properties.getProperty(name),
                Optional.ofNullable(properties.getProperty(prefix + "json-key")),
                properties.getProperty(prefix + "stage", SecretReference.CURRENT)));
      }
    }
    return List.copyOf(references.values());
  }

  /** The keyring and the sealed values, as the table stores them. */
  private static void putSealed(Properties properties, SealedForms sealed) {
    Keyring keyring = sealed.keyring();
    properties.setProperty(TABLE_ID, keyring.tableId());
    properties.setProperty(ACTIVE, keyring.active());
    for (Keyring.WrappedKey key : keyring.keys().values()) {
      String prefix = KEYRING + "key." + key.id() + ".";
      properties.setProperty(prefix + "wrapped", BASE64.encodeToString(key.wrapped()));
      properties.setProperty(prefix + "key-arn", key.keyArn());
      properties.setProperty(prefix + "created", Long.toString(key.created().toEpochMilli()));
      key.context()
          .forEach((name, value) -> properties.setProperty(prefix + "context." + name, value));
    }
    sealed
        .forms()
        .forEach(
            (name, form) -> {
              properties.setProperty(SEALED + name, BASE64.encodeToString(form.sealed()));
              properties.setProperty(SEALED_VERSION + name, Long.toString(form.version()));
            });
  }

  /** The sealed values of a file, and the keyring that opens them; empty when it has none. */
  private static Optional<SealedForms> sealed(Properties properties) {
    String tableId = properties.getProperty(TABLE_ID);
    if (tableId == null) {
      return Optional.empty();
    }
    Map<String, Map<String, String>> keyFields = new TreeMap<>();
    Map<String, SealedForms.Form> forms = new TreeMap<>();
    String keyPrefix = KEYRING + "key.";
    for (String name : properties.stringPropertyNames()) {
      String value = properties.getProperty(name);
      if (name.startsWith(keyPrefix)) {
        String rest = name.substring(keyPrefix.length());
        int dot = rest.indexOf('.');
        keyFields
            .computeIfAbsent(rest.substring(0, dot), id -> new TreeMap<>())
            .put(rest.substring(dot + 1), value);
      } else if (name.startsWith(SEALED)) {
        String property = name.substring(SEALED.length());
        forms.put(
            property,
            new SealedForms.Form(
                Base64.getDecoder().decode(value),
                Long.parseLong(properties.getProperty(SEALED_VERSION + property, "0"))));
      }
    }
    Map<String, Keyring.WrappedKey> keys = new TreeMap<>();
    keyFields.forEach(
        (id, fields) -> {
          Map<String, String> context = new TreeMap<>();
          fields.forEach(
              (field, value) -> {
                if (field.startsWith("context.")) {
                  context.put(field.substring("context.".length()), value);
                }
              });
          keys.put(
              id,
              new Keyring.WrappedKey(
                  id,
                  Base64.getDecoder().decode(fields.get("wrapped")),
                  fields.get("key-arn"),
                  context,
                  Instant.ofEpochMilli(Long.parseLong(fields.get("created")))));
        });
    return Optional.of(
        new SealedForms(new Keyring(tableId, properties.getProperty(ACTIVE), keys), forms));
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
