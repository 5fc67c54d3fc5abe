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
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code rewrap}: wraps a table's data keys with another KMS key, writing no sealed value. */
@Command(
    name = "rewrap",
    mixinStandardHelpOptions = true,
    description = {
      "Wrap the data keys of a table with another KMS key; no sealed value is written again.",
      "%nKMS wraps each data key again for the same encryption context (kms:ReEncrypt: kms:ReEncryptFrom on the old KMS key, kms:ReEncryptTo on the new), so the plain key never leaves KMS; only the keyring item is written. Running applications open it with the new KMS key at their next load, so grant them kms:Decrypt on it first. --dry-run writes nothing."
    })
final class RewrapCommand implements Callable<Integer> {

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

  @Option(
      names = "--kms-key",
      paramLabel = "KEY",
      required = true,
      description = "The KMS key to wrap the data keys with: its id, ARN or alias")
  String kmsKey;

  @Option(names = "--dry-run", description = "Name what would be wrapped; write nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    String wrappedBy = kmsKey;
    int dataKeys;
    try (TableSession session = TableSession.open(table)) {
      Map<String, AttributeValue> was = session.seals().keyringItem();
      if (was.isEmpty()) {
        throw new CliException(TableMessages.NO_KEYRING, table.name());
      }
      dataKeys = TableSealing.dataKeyCount(table, was);
      if (!dryRun) {
        Map<String, AttributeValue> moved = session.seals().rewrapped(kmsKey);
        wrappedBy = TableSealing.kmsKeyOf(moved);
        session.change(
            1,
            () -> {
              session.replaceKeyring(moved, was);
              return TableSession.Written.all(1);
            });
      }
    }
    output.print(new Report.Rewrap(table.name(), wrappedBy, dataKeys, dryRun));
    return 0;
  }
}
