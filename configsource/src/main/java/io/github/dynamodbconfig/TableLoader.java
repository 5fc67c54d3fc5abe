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

import static io.github.dynamodbconfig.DynamoDbConfigSetting.REQUIRED;

import io.github.dynamodbconfig.ItemConverter.Converted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loads one table into a {@link Snapshot}, at start-up or for a refresh: reads it ({@link
 * TableReader}), converts its items ({@link ItemConverter}), logs the outcome, keeps the snapshot
 * file ({@link SnapshotBackup}), and applies the failure policy. At start-up a failure throws one
 * {@link DynamoDbConfigException} naming role, table, region and cause ({@link LoadFailures}), or
 * with {@code dynamodb.config.required=false} gives an empty snapshot and one WARN line; a failed
 * refresh always throws, so that the source keeps its last good snapshot.
 */
final class TableLoader {

  private final Settings settings;
  private final TableTarget target;
  private final ItemConverter converter;
  private final Optional<SnapshotBackup> backup;
  private final ChangeStampProtocol stampProtocol;
  private final LoadSecrets secrets;
  private final LoadSummary summary;
  private volatile ChangeStampProtocol.State stamp = ChangeStampProtocol.State.initial();
  private volatile Snapshot published = Snapshot.EMPTY;
  private volatile Read lastRead; // of the last published load: none before one

  /** A read of the table, and the change stamp's state it was read in. */
  private record Read(TableReader.Result result, ChangeStampProtocol.State state) {}

  TableLoader(Settings settings, TableTarget target) {
    this.settings = settings;
    this.target = target;
    this.converter = ItemConverter.of(settings);
    this.backup = SnapshotBackup.of(settings, target);
    this.stampProtocol = new ChangeStampProtocol(settings, target);
    this.secrets = new LoadSecrets(settings, target);
    this.summary = new LoadSummary(settings, target);
  }

  TableTarget target() {
    return target;
  }

  /** The start-up load, with a client of its own that it closes afterwards. */
  Snapshot load() {
    DynamoDbClient client;
    try {
      client = newClient();
    } catch (DynamoDbConfigException e) {
      return failed(e);
    }
    try (client) {
      return load(client);
    }
  }

  /** The start-up load with {@code client}, which the caller owns. */
  Snapshot load(DynamoDbClient client) {
    long start = System.nanoTime();
    Region region = client.serviceClientConfiguration().region();
    TableReader.Result result;
    ChangeStampProtocol.State startStamp;
    LoadSecrets.Prepared prepared;
    try {
      ChangeStampProtocol.Outcome outcome;
      try {
        outcome = stampProtocol.startUp(() -> read(client), () -> readStamp(client));
      } catch (CancellationException e) {
        throw LoadFailures.of(settings, target, region, e);
      }
      result = outcome.result();
      startStamp = outcome.state();
      prepared = secrets.prepare(result.items(), region, budgetLeft(start));
    } catch (DynamoDbConfigException e) {
      // The file's one KMS call gets a budget of its own: the failed read has used the load's.
      Deadline deadline = Deadline.after(settings.timeout());
      Optional<Snapshot> saved =
          LoadFailures.unreachable(e.getCause())
              ? backup.flatMap(
                  k ->
                      k.startFrom(
                          e, (forms, refs) -> secrets.openFile(forms, refs, region, deadline)))
              : Optional.empty();
      return saved.orElseGet(() -> failed(e));
    }
    Snapshot loaded =
        publish(client, new Read(result, startStamp), prepared, start, LoadMessages.LOADED);
    stamp = startStamp; // only once published: a failed publish reads the table again
    return loaded;
  }

  /**
   * A load for a refresh with {@code client}, which the caller owns: a failure always throws, the
   * summary line is DEBUG, and an item skipped at the last load is not warned about again.
   */
  Snapshot reload(DynamoDbClient client) {
    long start = System.nanoTime();
    ChangeStampProtocol.Step step =
        stampProtocol.refresh(() -> read(client), () -> readStamp(client), stamp);
    Read read;
    if (step.publish().isPresent()) {
      read = new Read(step.publish().get(), step.state());
    } else if (lastRead != null && secrets.referencesDue()) {
      read = lastRead; // the same items: the secrets they reference are due to be read again
    } else {
      stamp = step.state();
      Snapshot current = published;
      if (!current.isEmpty()) {
        backup.ifPresent(k -> k.keep(current)); // the file's age still counts
      }
      return current; // unchanged, or nothing whole to publish yet
    }
    LoadSecrets.Prepared prepared =
        secrets.prepare(
            read.result().items(), client.serviceClientConfiguration().region(), budgetLeft(start));
    Snapshot fresh = publish(client, read, prepared, start, LoadMessages.RELOADED);
    stamp = step.state(); // only once published: a failed publish reads the table again
    return fresh;
  }

  /**
   * The reloads of this table for a refresher: a client built at the first one, and closed with the
   * reloads.
   */
  Reload reloads() {
    return new Reload() {
      private DynamoDbClient client; // only used by the refresher's one reload at a time

      @Override
      public Snapshot reload() {
        if (client == null) {
          client = newClient();
        }
        return TableLoader.this.reload(client);
      }

      @Override
      public void close() {
        if (client != null) {
          client.close();
        }
      }
    };
  }

  /** Throws {@code failure}, or with {@code required=false} logs it once and returns empty. */
  Snapshot failed(DynamoDbConfigException failure) {
    if (settings.required(true)) {
      throw failure;
    }
    LoadMessages.EMPTY_NOT_REQUIRED.log(failure.getMessage(), target.describe(), REQUIRED.key());
    return Snapshot.EMPTY;
  }

  /** A client for this table, as every load builds it; the caller closes it. */
  DynamoDbClient newClient() {
    return AwsClients.dynamoDb(settings, target.instanceRegion(), target.describe());
  }

  private TableReader.Result read(DynamoDbClient client) {
    return read(client, settings.keys());
  }

  /**
   * Every item of the table, whatever keys the settings declare, with {@code client}, which the
   * caller owns: for tools that show a table as it is.
   *
   * @throws DynamoDbConfigException naming table, region and cause, when the read fails
   */
  List<Map<String, AttributeValue>> readAll(DynamoDbClient client) {
    return ChangeStamp.split(read(client, List.of()).items(), settings.layout().keyAttribute())
        .items();
  }

  private TableReader.Result read(DynamoDbClient client, List<String> keys) {
    // Declared keys: the stamp's and the keyring's keys too, in the same requests.
    List<String> asked = keys;
    if (!keys.isEmpty()) {
      asked = new ArrayList<>(keys);
      asked.add(ChangeStamp.KEY);
      asked.add(Keyring.KEY);
    }
    try {
      return new TableReader(client, settings.layout(), settings.consistentRead())
          .read(target.table(), asked, settings.timeout());
    } catch (SdkException | TimeoutException | CancellationException e) {
      throw LoadFailures.of(settings, target, client.serviceClientConfiguration().region(), e);
    }
  }

  private Optional<ChangeStamp> readStamp(DynamoDbClient client) {
    try {
      return new ChangeStampStore(client, target.table(), settings.layout().keyAttribute())
          .read(true, settings.timeout()); // strongly: a stale stamp could hide a change
    } catch (SdkException e) {
      throw LoadFailures.of(
          settings, target, client.serviceClientConfiguration().region(), TableAction.GET_ITEM, e);
    }
  }

  /** What is left of the load's time budget, which started at {@code start}. */
  private Deadline budgetLeft(long start) {
    return Deadline.after(settings.timeout().minusNanos(System.nanoTime() - start));
  }

  private Snapshot publish(
      DynamoDbClient client,
      Read read,
      LoadSecrets.Prepared prepared,
      long start,
      LibraryMessage line) {
    Keyring.Split split = prepared.split();
    Converted converted =
        converter.toSnapshot(
            target.table(), split.items(), prepared.unsealer(), prepared.references());
    OptionalLong version =
        read.state().stamp().map(s -> OptionalLong.of(s.version())).orElse(OptionalLong.empty());
    Snapshot served = converted.snapshot();
    Snapshot snapshot =
        SealedItems.withForms(served.withVersion(version), split, settings.layout().keyAttribute())
            .withReferenced(SecretReferences.referenced(prepared.references().values(), served));
    summary.log(
        line,
        client.serviceClientConfiguration().region(),
        split.items(),
        converted.skipped(),
        snapshot,
        read.result().requests(),
        start);
    if (!snapshot.isEmpty() || published.isEmpty()) {
      // An empty read never replaces a running application's values: nor the file's.
      backup.ifPresent(k -> k.keep(snapshot));
    }
    published = snapshot;
    lastRead = read;
    return snapshot;
  }
}
