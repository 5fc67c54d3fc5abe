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
package io.github.dynamodbconfig.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.dynamodbconfig.testkit.ExampleTable;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class QuickstartTest {

  @Test
  void exampleFile_holdsTheDesignsItems() throws Exception {
    Map<String, List<Map<String, AttributeValue>>> tables;
    try (InputStream json = getClass().getResourceAsStream("/example-items.json")) {
      tables = BatchWriteFile.read(json);
    }
    assertThat(tables).containsOnlyKeys(ExampleTable.NAME);
    assertThat(tables.get(ExampleTable.NAME)).containsExactlyElementsOf(ExampleTable.items());
  }

  @Test
  void quickstart_printsTheTablesValues_typed_withThePasswordHidden() throws Exception {
    assumeFalse(
        Quickstart.configured(), "an endpoint or AWS region is configured in this environment");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    Quickstart.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

    String output = buffer.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains(
            "Created table test-myapp-website-config with 6 items",
            "db_host = my.test.server",
            "db_port = 5432 (int)",
            "debug   = true (boolean)",
            "db_user = my_username",
            "db_pass = *** (set, never printed)",
            "db_port comes from DynamoDbConfigSource[table=test-myapp-website-config,"
                + " role=test-myapp-website]")
        .doesNotContain(ExampleTable.DB_PASS);
  }
}
