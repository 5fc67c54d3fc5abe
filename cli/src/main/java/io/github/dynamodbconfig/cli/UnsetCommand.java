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
import io.github.dynamodbconfig.DynamoDbConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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

  /** What the deletes did: the keys removed, and those that were not set. */
  private record Removal(List<String> removed, List<String> absent)
      implements TableSession.Written {

    @Override
    public int count() {
      return removed.size();
    }

    @Override
    public boolean complete() {
      return true;
    }
  }

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    for (String key : keys) {
      if (ConfigTable.isReservedKey(key)) {
        throw new CliException(KeyMessages.STAMP_KEY, ConfigTable.quoted(key));
      }
    }
    Removal removal;
    try (TableSession session = TableSession.open(table)) {
      removal = session.change(keys.size(), () -> remove(session));
    }
    output.print(new Report.Unset(table.name(), removal.removed(), removal.absent()));
    return 0;
  }

  private Removal remove(TableSession session) {
    Removal removal = new Removal(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < keys.size(); i++) {
      try {
        (session.delete(keys.get(i)) ? removal.removed() : removal.absent()).add(keys.get(i));
      } catch (DynamoDbConfigException e) {
        throw Stopped.failure(
            KeyMessages.UNSET_STOPPED,
            session.table().name(),
            keys.subList(0, i),
            keys.subList(i, keys.size()),
            e);
      }
    }
    return removal;
  }
}
