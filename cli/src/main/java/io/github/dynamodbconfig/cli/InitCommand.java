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
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@code init}: creates a role's table and waits until it is ACTIVE. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create the table of a role and wait until it is ACTIVE.",
      "%nThe key attribute becomes its S hash key; billing is on-demand unless --provisioned is given. A table that exists with that key is left as it is (exit 0); one with another key schema is an error that names both (exit 2).",
      "%nWith --kms-key, the table also gets a keyring, unless it has one: a data key made by that KMS key (kms:GenerateDataKey), stored only wrapped, with which every secret value set from then on is sealed."
    })
final class InitCommand implements Callable<Integer> {

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

  @Option(
      names = "--provisioned",
      paramLabel = "READ,WRITE",
      split = ",",
      description = "Provisioned capacity units instead of on-demand billing, e.g. 5,5")
  List<Long> provisioned;

  @Option(
      names = "--kms-key",
      paramLabel = "KEY",
      description =
          "Give the table a keyring whose data key this KMS key wraps: its id, ARN or alias"
              + " (alias/config); secret values set from then on are sealed")
  String kmsKey;

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    if (provisioned != null
        && (provisioned.size() != 2 || provisioned.stream().anyMatch(units -> units <= 0))) {
      throw new CliException(UsageMessages.PROVISIONED);
    }
    String key = TableMessages.KEY_SCHEMA.format(table.keyAttribute());
    boolean created;
    Report.Keyring keyring;
    try (TableSession session = TableSession.open(table)) {
      TableDescription existing = TableCreation.describe(session);
      created = existing == null;
      if (created) {
        TableCreation.create(session, provisioned);
      } else if (!key.equals(keySchema(existing))) {
        throw new CliException(
            TableMessages.OTHER_KEY_SCHEMA, table.name(), keySchema(existing), key);
      }
      keyring = kmsKey == null ? Report.Keyring.NONE : keyring(session);
    }
    output.print(new Report.Init(table.name(), created, key, billing(), keyring));
    return 0;
  }

  /** Makes the table's keyring, unless it has one. */
  private Report.Keyring keyring(TableSession session) {
    if (session.seals().sealing().isPresent()) {
      return Report.Keyring.EXISTS;
    }
    Map<String, AttributeValue> made = session.seals().newKeyring(kmsKey);
    boolean written =
        session.change(1, () -> TableSession.Written.all(session.putNew(made) ? 1 : 0)).count()
            == 1;
    // Another init that wrote its keyring in between wins: a keyring is never replaced.
    return written ? new Report.Keyring(true, TableSealing.kmsKeyOf(made)) : Report.Keyring.EXISTS;
  }

  private String billing() {
    return provisioned == null
        ? TableMessages.ON_DEMAND.format()
        : TableMessages.PROVISIONED.format(provisioned.get(0), provisioned.get(1));
  }

  private static String keySchema(TableDescription description) {
    return description.keySchema().stream()
        .map(
            key ->
                key.keyTypeAsString()
                    + " "
                    + key.attributeName()
                    + " ("
                    + description.attributeDefinitions().stream()
                        .filter(d -> d.attributeName().equals(key.attributeName()))
                        .map(AttributeDefinition::attributeTypeAsString)
                        .findFirst()
                        .orElse("?")
                    + ")")
        .collect(Collectors.joining(", "));
  }
}
