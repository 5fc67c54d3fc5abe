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
package io.github.dynamodbconfig.testkit;

import static io.github.dynamodbconfig.testkit.Items.bool;
import static io.github.dynamodbconfig.testkit.Items.item;
import static io.github.dynamodbconfig.testkit.Items.s;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The design's example: role {@code test-myapp-website}, its table and six items. */
public final class ExampleTable {

  /** The environment role. */
  public static final String ROLE = "test-myapp-website";

  /** The table of {@link #ROLE} with the default template. */
  public static final String NAME = ROLE + "-config";

  /**
   * The secret value of {@code db_pass}: distinctive, so that {@link SecretGuard} cannot miss it
   * and cannot find it by chance in unrelated text.
   */
  public static final String DB_PASS = "pw-4f9c1e-DO-NOT-LOG";

  private ExampleTable() {}

  /**
   * {@code debug} BOOL true, {@code db_host}, {@code db_name}, {@code db_user}, {@code db_pass}
   * ({@link #DB_PASS}, secret by its name) and {@code db_port} ("5432") as S.
   */
  public static List<Map<String, AttributeValue>> items() {
    return List.of(
        item("debug", bool(true)),
        item("db_host", s("my.test.server")),
        item("db_name", s("my_db")),
        item("db_user", s("my_username")),
        item("db_pass", s(DB_PASS)),
        item("db_port", s("5432")));
  }

  /** (Re-)creates the table in {@code engine} with the example items. */
  public static void create(LocalDynamoDb engine) {
    engine.createConfigTable(NAME);
    engine.putItems(NAME, items());
  }
}
