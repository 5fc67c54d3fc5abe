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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@code unset}: removes keys from a table and prints what it removed. */
@Command(
    name = "unset",
    mixinStandardHelpOptions = true,
    description = "Remove each KEY from the table, and print the keys it removed.")
final class UnsetCommand implements Callable<Integer> {

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

  @Parameters(index = "0..*", arity = "1..*", paramLabel = "KEY")
  List<String> keys;

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    List<String> removed = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (String key : keys) {
      if (ConfigTable.isChangeStampKey(key)) {
        throw new CliException(
            ConfigTable.quoted(key)
                + " is the key of the table's change stamp, which is no setting");
      }
    }
    try (DynamoDbClient client = table.newClient()) {
      boolean several = keys.size() > 1;
      if (several) {
        table.markChange(client, true); // several deletes: one change, published whole
      }
      for (String key : keys) {
        Map<String, AttributeValue> old;
        try {
          old =
              client
                  .deleteItem(
                      r ->
                          r.tableName(table.name())
                              .key(Map.of(table.keyAttribute(), AttributeValue.fromS(key)))
                              .returnValues(ReturnValue.ALL_OLD))
                  .attributes();
        } catch (SdkException e) {
          List<String> left = keys.subList(removed.size() + absent.size(), keys.size());
          throw new CliException(
              table.failure(client, "dynamodb:DeleteItem", e).getMessage(),
              List.of(
                  "removed: " + removed.size() + " " + shown(removed),
                  "not removed: " + left.size() + " " + shown(left)));
        }
        (old == null || old.isEmpty() ? absent : removed).add(key);
      }
      if (several || !removed.isEmpty()) {
        table.markChange(client, false);
      }
    }
    if (output.json()) {
      output.json(
          json -> {
            json.writeStartObject();
            json.writeStringField("table", table.name());
            json.writeArrayFieldStart("removed");
            for (String key : removed) {
              json.writeString(key);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("notSet");
            for (String key : absent) {
              json.writeString(key);
            }
            json.writeEndArray();
            json.writeEndObject();
          });
    } else {
      removed.forEach(key -> output.out().println("- " + Display.key(key)));
      absent.forEach(
          key ->
              output
                  .out()
                  .println(
                      ConfigTable.quoted(key) + " was not set in table '" + table.name() + "'"));
    }
    return 0;
  }

  private static String shown(List<String> keys) {
    return keys.stream().map(Display::key).toList().toString();
  }
}
