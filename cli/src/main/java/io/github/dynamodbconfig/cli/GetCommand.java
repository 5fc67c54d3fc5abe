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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
    Contents contents;
    try (TableSession session = TableSession.open(table)) {
      item = session.get(key);
      if (item.isEmpty()) {
        output.err().println(KeyMessages.NOT_SET.format(ConfigTable.quoted(key), table.name()));
        return DynamoDbConfigCli.DIFFERENT;
      }
      contents = session.contents(List.of(item));
    }
    if (!contents.invalidItems().isEmpty()) {
      throw new CliException(
          KeyMessages.INVALID, ConfigTable.quoted(key), contents.invalidItems().get(0));
    }
    if (contents.properties().isEmpty()) {
      output.err().println(KeyMessages.EMPTY.format(ConfigTable.quoted(key), table.name()));
      return DynamoDbConfigCli.DIFFERENT;
    }
    output.print(new Report.Get(key, ImportPlan.isSecret(table, item), shown(contents)));
    return 0;
  }

  /** Each property as shown: its value escaped, or masked when secret and not revealed. */
  private Map<String, String> shown(Contents contents) {
    Map<String, String> shown = new LinkedHashMap<>();
    contents
        .properties()
        .forEach(
            (name, value) ->
                shown.put(
                    name,
                    contents.secrets().contains(name) && !reveal
                        ? Display.mask()
                        : Display.text(value)));
    return shown;
  }
}
