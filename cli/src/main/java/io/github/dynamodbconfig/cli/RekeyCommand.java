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
      "%nKMS makes the new data key (kms:GenerateDataKey), wrapped by the KMS key of the current one or by --kms-key. The keyring gains it, every sealed item is written again sealed with it, and the keyring then keeps it alone: one change under the table's change stamp, during which applications open both keys. Secrets still in plain text are left to seal. --dry-run names the count and writes nothing."
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
        Map<String, AttributeValue> was = session.seals().keyringItem();
        Map<String, AttributeValue> withNewKey = session.seals().rekey(Optional.ofNullable(kmsKey));
        TableSealing next = session.seals().sealing().orElseThrow();
        dataKey = next.activeKey();
        wrappedBy = next.kmsKey();
        int writes = sealed.size() + 2;
        session.change(
            writes,
            () -> {
              session.replaceKeyring(withNewKey, was);
              sealed.forEach(session::put);
              session.replaceKeyring(next.keyringOfActiveKey(), withNewKey);
              return TableSession.Written.all(writes);
            });
      }
    }
    output.print(new Report.Rekey(table.name(), dataKey, wrappedBy, keys(table, sealed), dryRun));
    return 0;
  }

  private static List<String> keys(ConfigTable table, List<Map<String, AttributeValue>> items) {
    return items.stream().map(item -> TableItems.key(table, item)).sorted().toList();
  }
}
