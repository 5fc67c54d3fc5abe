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

import io.github.dynamodbconfig.testkit.KmsServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.SecretGuard;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tool run against the local DynamoDB and a local KMS server of its own, for the tests of
 * sealed tables: runs commands with {@code --kms-endpoint}, and reads a table's items as stored.
 */
final class SealingCli implements AutoCloseable {

  private final LocalDynamoDb engine;
  private final CliRun cli;
  private final KmsServer kms = KmsServer.start();

  SealingCli(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  KmsServer kms() {
    return kms;
  }

  CliRun.Result run(String... args) {
    return cli.run(withKms(args));
  }

  CliRun.Result runWithInput(String input, String... args) {
    return cli.runWithInput(input, withKms(args));
  }

  private String[] withKms(String[] args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--kms-endpoint";
    all[args.length + 1] = kms.endpoint().toString();
    return all;
  }

  /** The items of {@code table} as stored, by key. */
  Map<String, Map<String, AttributeValue>> items(String table) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    engine
        .client()
        .scan(r -> r.tableName(table))
        .items()
        .forEach(i -> items.put(i.get("Parameter").s(), i));
    return items;
  }

  /**
   * Every byte of the table as a scan returns it, strings and binaries alike, handed to the secret
   * guard: no secret value may be in it.
   */
  String scanned(String table) {
    StringBuilder text = new StringBuilder();
    engine
        .client()
        .scan(r -> r.tableName(table))
        .items()
        .forEach(
            item ->
                item.values()
                    .forEach(
                        value ->
                            text.append(value)
                                .append(
                                    value.b() == null
                                        ? ""
                                        : new String(
                                            value.b().asByteArray(),
                                            StandardCharsets.ISO_8859_1))));
    SecretGuard.checkOutput("a scan of table " + table, text.toString());
    return text.toString();
  }

  @Override
  public void close() {
    kms.close();
  }
}
