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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code seal}: seals, in place, the secrets of a table with a keyring still in plain text. */
@Command(
    name = "seal",
    mixinStandardHelpOptions = true,
    description = {
      "Seal the secret values of a table with a keyring that are still in plain text.",
      "%nEach is written again sealed, as set --secret would write it, in one change under the table's change stamp. --dry-run names them and writes nothing (exit 1 when there are some). A secret that is not a string cannot be sealed: it is named, and left as it is."
    })
final class SealCommand implements Callable<Integer> {

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

  @Option(names = "--dry-run", description = "Name the secrets to seal; write nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    List<Map<String, AttributeValue>> plain;
    List<Map<String, AttributeValue>> unsealable;
    try (TableSession session = TableSession.open(table)) {
      List<Map<String, AttributeValue>> items = session.items();
      if (session.seals().sealing().isEmpty()) {
        throw new CliException(TableMessages.NO_KEYRING, table.name());
      }
      List<Map<String, AttributeValue>> secrets = session.seals().plainSecrets(items);
      plain = secrets.stream().filter(session.seals()::sealable).toList();
      unsealable = secrets.stream().filter(item -> !session.seals().sealable(item)).toList();
      if (!dryRun && !plain.isEmpty()) {
        session.change(
            plain.size(),
            () -> {
              plain.forEach(session::put);
              return TableSession.Written.all(plain.size());
            });
      }
    }
    output.print(
        new Report.Seal(
            table.name(),
            TableItems.sortedKeys(table, plain),
            TableItems.sortedKeys(table, unsealable),
            dryRun));
    return dryRun && !plain.isEmpty() ? DynamoDbConfigCli.DIFFERENT : 0;
  }
}
