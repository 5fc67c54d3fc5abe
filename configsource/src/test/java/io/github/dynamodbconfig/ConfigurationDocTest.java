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
package io.github.dynamodbconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/configuration.md and {@link DynamoDbConfigSetting} name the same settings, alike. */
class ConfigurationDocTest {

  private static Map<String, List<String>> documentedRows() throws IOException {
    Path doc = Path.of("..", "docs", "configuration.md");
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(doc)) {
      if (line.startsWith("| `" + DynamoDbConfigSetting.PREFIX)) {
        List<String> cells =
            Arrays.stream(line.substring(1, line.length() - 1).split(" \\| "))
                .map(String::trim)
                .toList();
        rows.put(cells.get(0).replace("`", ""), cells);
      }
    }
    return rows;
  }

  @Test
  void everySetting_isDocumented_inDeclarationOrder_withItsEnvironmentVariableAndDefault()
      throws IOException {
    Map<String, List<String>> rows = documentedRows();

    assertThat(rows.keySet())
        .containsExactlyElementsOf(
            Arrays.stream(DynamoDbConfigSetting.values()).map(DynamoDbConfigSetting::key).toList());
    for (DynamoDbConfigSetting setting : DynamoDbConfigSetting.values()) {
      List<String> cells = rows.get(setting.key());
      assertThat(cells.get(1)).isEqualTo("`" + setting.environmentVariable() + "`");
      String expectedDefault =
          setting
              .defaultValue()
              .map(value -> value.isEmpty() ? "empty" : "`" + value + "`")
              .orElse(null);
      if (expectedDefault != null) {
        assertThat(cells.get(2)).as(setting.key()).isEqualTo(expectedDefault);
      } else {
        assertThat(cells.get(2)).as(setting.key()).doesNotStartWith("`");
      }
      assertThat(cells.get(3)).as(setting.key()).isNotBlank();
    }
  }
}
