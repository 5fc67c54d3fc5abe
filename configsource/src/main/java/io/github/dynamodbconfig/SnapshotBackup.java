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

import static io.github.dynamodbconfig.DynamoDbConfigSetting.SNAPSHOT_FILE;
import static io.github.dynamodbconfig.DynamoDbConfigSetting.SNAPSHOT_MAX_AGE;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps one table's {@link SnapshotFile}: writes a snapshot when it differs from the one last
 * written, or when the last write is older than a tenth of {@code snapshot-max-age} (so that a file
 * whose values are still current never becomes too old to start from); warns once per streak of
 * failed writes (a read-only disk must not flood the log); and reads the file back when a start-up
 * load cannot reach DynamoDB.
 */
final class SnapshotBackup {

  private final SnapshotFile file;
  private final TableTarget target;
  private final Duration maxAge;
  private final SecretMatcher secretKeys;
  private Snapshot written; // guarded by this: the snapshot the file holds, null when unknown
  private Instant writtenAt = Instant.MIN; // guarded by this
  private final FailureStreak failedWrites = new FailureStreak(); // guarded by this

  private SnapshotBackup(SnapshotFile file, TableTarget target, Settings settings) {
    this.file = file;
    this.target = target;
    this.maxAge = settings.snapshotMaxAge();
    this.secretKeys = settings.secretKeys();
  }

  /** The backup of {@code target}'s file, when {@code dynamodb.config.snapshot-file} is set. */
  static Optional<SnapshotBackup> of(Settings settings, TableTarget target) {
    return target
        .snapshotFile(settings)
        .map(path -> new SnapshotBackup(new SnapshotFile(path), target, settings));
  }

  /** Writes {@code snapshot} unless the file holds it already, written recently enough. */
  synchronized void keep(Snapshot snapshot) {
    Instant now = Instant.now();
    if (snapshot.equals(written)
        && snapshot.sealed().equals(written.sealed()) // a value just sealed is written again
        && snapshot.referenced().equals(written.referenced()) // likewise one just referenced
        && writtenAt.plus(maxAge.dividedBy(10)).isAfter(now)) {
      return;
    }
    try {
      file.save(target.table(), snapshot, now);
    } catch (IOException | RuntimeException e) {
      written = null;
      failedWrites.failed(
          SnapshotFileMessages.WRITE_FAILED,
          SnapshotFileMessages.WRITE_FAILED_AGAIN,
          file.path(),
          SNAPSHOT_FILE.key(),
          target.describe(),
          e);
      return;
    }
    failedWrites.succeeded(
        SnapshotFileMessages.WRITTEN_AGAIN, "failed write", "failed writes", file.path());
    written = snapshot;
    writtenAt = now;
  }

  /**
   * The last good snapshot, with a WARN line, when it is of this table and young enough: for a
   * start-up load that failed with {@code failure} because DynamoDB could not be reached.
   */
  Optional<Snapshot> startFrom(DynamoDbConfigException failure, FileSecrets opener) {
    Optional<SnapshotFile.Saved> saved;
    try {
      saved =
          file.read(target.table(), maxAge, secretKeys, Instant.now()).map(s -> opened(s, opener));
    } catch (IOException | RuntimeException e) {
      SnapshotFileMessages.READ_FAILED.log(file.path(), SNAPSHOT_FILE.key(), e);
      return Optional.empty();
    }
    saved.ifPresent(
        s ->
            SnapshotFileMessages.STARTED_FROM_FILE.log(
                failure.getMessage(),
                file.path(),
                MessageText.age(s.age()),
                MessageText.count(s.snapshot().names().size(), "property", "properties"),
                SNAPSHOT_MAX_AGE.key(),
                maxAge));
    return saved.map(SnapshotFile.Saved::snapshot);
  }

  /** Gives the values of a file's sealed values and referenced secrets. */
  interface FileSecrets {
    Map<String, String> open(Optional<SealedForms> sealed, List<SecretReference> referenced);
  }

  /**
   * {@code saved} with its sealed values opened and its referenced secrets read by {@code opener}
   * (one KMS call per data key, one Secrets Manager request per 20 secrets).
   */
  private static SnapshotFile.Saved opened(SnapshotFile.Saved saved, FileSecrets opener) {
    if (saved.sealed().isEmpty() && saved.references().isEmpty()) {
      return saved;
    }
    Map<String, String> opened = opener.open(saved.sealed(), saved.references());
    Map<String, String> values = new HashMap<>(saved.snapshot().properties());
    values.putAll(opened);
    Set<String> secrets = new HashSet<>(saved.snapshot().secrets());
    secrets.addAll(opened.keySet());
    Set<String> referenced = new HashSet<>(opened.keySet());
    saved.sealed().ifPresent(forms -> referenced.removeAll(forms.forms().keySet()));
    Snapshot snapshot =
        new Snapshot(values, secrets)
            .withReferenced(new ReferencedSecrets(saved.references(), referenced));
    if (saved.sealed().isPresent()) {
      snapshot = snapshot.withSealed(saved.sealed().get());
    }
    return new SnapshotFile.Saved(snapshot, saved.age(), saved.sealed(), saved.references());
  }
}
