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

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.TableSealing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code rekey}: seals every sealed value of a table again, with a new data key. */
@Command(
    name = "rekey",
    mixinStandardHelpOptions = true,
    description = {
      "Seal every sealed value of a table again with a new data key.",
      "%nKMS makes the new data key (kms:GenerateDataKey), wrapped by the KMS key of the current one or by --kms-key. The keyring gains it; every sealed item is written again sealed with it, in one change under the table's change stamp, each only if no other writer changed it meanwhile; then the keyring keeps the new key alone, unless another writer sealed values with an old one meanwhile. Applications open every value throughout. Secrets still in plain text are left to seal. --dry-run names the count and writes nothing."
    })
final class RekeyCommand implements Callable<Integer> {

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

  @Option(
      names = "--kms-key",
      paramLabel = "KEY",
      description =
          "The KMS key to wrap the new data key: its id, ARN or alias; by default the one that"
              + " wraps the current data key")
  String kmsKey;

  @Option(names = "--dry-run", description = "Count the items to seal again; write nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    List<Map<String, AttributeValue>> sealed;
    String dataKey = "";
    List<String> kept = List.of();
    String wrappedBy;
    try (TableSession session = TableSession.open(table)) {
      List<Map<String, AttributeValue>> items = session.items();
      TableSealing current =
          session
              .seals()
              .sealing()
              .orElseThrow(() -> new CliException(TableMessages.NO_KEYRING, table.name()));
      sealed = session.seals().sealedItems(items);
      wrappedBy = kmsKey != null ? kmsKey : current.kmsKey();
      if (!dryRun) {
        TableSealing next = session.seals().rekeyed(Optional.ofNullable(kmsKey));
        dataKey = next.activeKey();
        wrappedBy = next.kmsKey();
        kept = rekey(session, next, sealed);
      }
    }
    output.print(
        new Report.Rekey(
            table.name(), dataKey, wrappedBy, TableItems.sortedKeys(table, sealed), kept, dryRun));
    return 0;
  }

  /**
   * Writes the keyring with {@code next}'s data key beside the others (a change on its own: every
   * value opens with it), then {@code sealed} sealed again with it (one change), then retires the
   * keys before it unless another writer sealed values with them meanwhile; the ids it kept.
   */
  private static List<String> rekey(
      TableSession session, TableSealing next, List<Map<String, AttributeValue>> sealed) {
    Map<String, AttributeValue> was = session.seals().keyringItem();
    Map<String, AttributeValue> withNewKey = next.keyringItem();
    session.change(
        1,
        () -> {
          session.replaceKeyring(withNewKey, was);
          return TableSession.Written.all(1);
        });
    session.seals().sealWith(next);
    if (!sealed.isEmpty()) {
      session.change(
          sealed.size(),
          () -> {
            sealed.forEach(session::putUnchanged);
            return TableSession.Written.all(sealed.size());
          });
    }
    Set<String> inUse = new TreeSet<>(TableSealing.keyIdsInUse(session.stored()));
    inUse.remove(next.activeKey());
    if (inUse.isEmpty()) {
      session.change(
          1,
          () -> {
            session.replaceKeyring(next.keyringOfActiveKey(), withNewKey);
            return TableSession.Written.all(1);
          });
    }
    return List.copyOf(inUse);
  }
}
