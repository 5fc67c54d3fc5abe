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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code link}: makes a key reference an AWS Secrets Manager secret instead of holding a value. */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description = {
      "Make a key reference an AWS Secrets Manager secret instead of holding a value.",
      "%nThe item then holds the secret's name or ARN (and the JSON key and staging label given); an application reads the secret when the table loads, always as a secret, and follows its rotation. The secret is read once first, as an application would read it (secretsmanager:BatchGetSecretValue), so a name that does not resolve is refused before anything is written."
    })
final class LinkCommand implements Callable<Integer> {

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "KEY")
  String key;

  @Parameters(index = "1", paramLabel = "SECRET", description = "The secret's name or ARN")
  String secretId;

  @Option(
      names = "--json-key",
      paramLabel = "FIELD",
      description = "Take this field of a JSON secret; without it, each field is a property")
  String jsonKey;

  @Option(
      names = "--version-stage",
      paramLabel = "LABEL",
      description = "The staging label to read; default: AWSCURRENT")
  String stage;

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    if (ConfigTable.isReservedKey(key)) {
      throw new CliException(KeyMessages.STAMP_KEY, ConfigTable.quoted(key));
    }
    Map<String, AttributeValue> item =
        table.referenceItem(
            key, secretId, Optional.ofNullable(jsonKey), Optional.ofNullable(stage));
    ConfigTable.Contents gives;
    boolean linked;
    try (TableSession session = TableSession.open(table)) {
      gives = session.contents(List.of(item));
      if (!gives.invalidItems().isEmpty()) {
        throw new CliException(
            KeyMessages.INVALID, ConfigTable.quoted(key), gives.invalidItems().get(0));
      }
      checkNoClash(table, session.items(), gives);
      linked = !item.equals(session.get(key));
      if (linked) {
        session.change(
            1,
            () -> {
              session.put(item);
              return TableSession.Written.all(1);
            });
      }
    }
    output.print(
        new Report.Link(
            table.name(),
            key,
            secretId,
            Optional.ofNullable(jsonKey),
            Optional.ofNullable(stage),
            List.copyOf(gives.properties().keySet()),
            linked));
    return 0;
  }

  /**
   * Refuses the link when a property the secret gives is a property of another item of {@code
   * items}, which an application would then skip or fail on.
   */
  private void checkNoClash(
      ConfigTable table, List<Map<String, AttributeValue>> items, ConfigTable.Contents gives) {
    for (Map<String, AttributeValue> other : items) {
      String otherKey = TableItems.key(table, other);
      if (key.equals(otherKey)) {
        continue;
      }
      for (String name : table.contents(List.of(other)).properties().keySet()) {
        if (gives.properties().containsKey(name)) {
          throw new CliException(
              KeyMessages.INVALID,
              ConfigTable.quoted(key),
              "its property "
                  + ConfigTable.quoted(name)
                  + " is also a property of item "
                  + ConfigTable.quoted(otherKey));
        }
      }
    }
  }
}
