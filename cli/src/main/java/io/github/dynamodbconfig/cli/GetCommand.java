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
import io.github.dynamodbconfig.ConfigTable.Contents;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code get}: what an application reads from one key of a table. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Print what an application reads from one key.",
      "%nIts value, or name=value for each property of a list or map. A secret is *** unless --reveal-secret is given. Exit 1 if the key is not set."
    })
final class GetCommand implements Callable<Integer> {

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "KEY")
  String key;

  @Option(names = "--reveal-secret", description = "Print a secret value as it is")
  boolean reveal;

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    Map<String, AttributeValue> item;
    try (DynamoDbClient client = table.newClient()) {
      try {
        item =
            client
                .getItem(
                    r ->
                        r.tableName(table.name())
                            .key(Map.of(table.keyAttribute(), AttributeValue.fromS(key)))
                            .consistentRead(true))
                .item();
      } catch (SdkException e) {
        throw table.failure(client, "dynamodb:GetItem", e);
      }
    }
    if (item == null || item.isEmpty()) {
      output
          .err()
          .println(
              "Key " + ConfigTable.quoted(key) + " is not set in table '" + table.name() + "'");
      return DynamoDbConfigCli.DIFFERENT;
    }
    Contents contents = table.contents(List.of(item));
    if (!contents.invalidItems().isEmpty()) {
      throw new CliException(contents.invalidItems().get(0));
    }
    if (contents.properties().isEmpty()) {
      output
          .err()
          .println(
              "Key "
                  + ConfigTable.quoted(key)
                  + " of table '"
                  + table.name()
                  + "' has an empty value, which an application reads as absent");
      return DynamoDbConfigCli.DIFFERENT;
    }
    boolean secretItem = ImportPlan.isSecret(table, item);
    print(contents, secretItem);
    return 0;
  }

  private void print(Contents contents, boolean secretItem) {
    Map<String, String> properties = contents.properties();
    if (output.json()) {
      output.json(
          json -> {
            json.writeStartObject();
            json.writeStringField("key", key);
            json.writeBooleanField("secret", secretItem);
            json.writeObjectFieldStart("properties");
            for (Map.Entry<String, String> property : properties.entrySet()) {
              json.writeStringField(property.getKey(), shown(contents, property));
            }
            json.writeEndObject();
            json.writeEndObject();
          });
      return;
    }
    if (properties.size() == 1 && properties.containsKey(key)) {
      output.out().println(shown(contents, properties.entrySet().iterator().next()));
      return;
    }
    for (Map.Entry<String, String> property : properties.entrySet()) {
      output.out().println(Display.key(property.getKey()) + "=" + shown(contents, property));
    }
  }

  private String shown(Contents contents, Map.Entry<String, String> property) {
    return contents.secrets().contains(property.getKey()) && !reveal
        ? Display.MASK
        : Display.value(AttributeValue.fromS(property.getValue()), false, true);
  }
}
