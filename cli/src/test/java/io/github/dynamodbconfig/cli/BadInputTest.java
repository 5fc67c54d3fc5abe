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

import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.testkit.FaultProxy;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SecretValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Bad input: each case's message and exit code, and that nothing was written. */
@ExtendWith(LocalDynamoDbExtension.class)
class BadInputTest {

  static final String TABLE = "bad-input-config";

  private final LocalDynamoDb engine;
  private final CliRun cli;
  @TempDir Path dir;

  BadInputTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  @BeforeEach
  void table() {
    engine.createConfigTable(TABLE);
  }

  private CliRun.Result importing(String fileName, String text, String... options)
      throws IOException {
    Path file = Files.writeString(dir.resolve(fileName), text);
    List<String> args = new ArrayList<>(List.of("import", "--role", "bad-input", file.toString()));
    args.addAll(List.of(options));
    return cli.run(args.toArray(String[]::new));
  }

  /** How many settings the table holds: its items but the change stamp. */
  private long settings() {
    return engine.client().scan(r -> r.tableName(TABLE)).items().stream()
        .filter(item -> !ConfigTable.isReservedKey(item.get("Parameter").s()))
        .count();
  }

  private String stampState() {
    return engine
        .client()
        .getItem(
            r -> r.tableName(TABLE).key(Map.of("Parameter", s("dynamodb.config.change-stamp"))))
        .item()
        .get("State")
        .s();
  }

  private void assertRefused(CliRun.Result result, String... details) {
    assertThat(result.code()).as(result.all()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("dynamodb-config: ");
    for (String detail : details) {
      assertThat(result.err()).contains(detail);
    }
    assertThat(engine.client().scan(r -> r.tableName(TABLE)).count()).isZero();
  }

  /** What a file holds, and a part of the message that refuses it. */
  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "a.properties", "db_host=x\n\nname=\\u00zz", "line 3: Malformed \\uxxxx encoding."),
        Arguments.of(
            "b.properties",
            "db_host=a\ndb_port=1\ndb_host=b",
            "line 3: key 'db_host' is given again (first on line 1)"),
        Arguments.of(
            "c.properties",
            "db_host=\ndb_port=5432",
            "line 1: 'db_host' has an empty value, which an application reads as absent"),
        Arguments.of(
            "d.properties",
            "db_pass=***",
            "line 1: 'db_pass' holds ***, the mask of an export without --reveal-secrets"),
        Arguments.of(
            "e.properties",
            "db\\ host=x",
            "its property name 'db host' has whitespace or a control character"),
        Arguments.of(
            "f.properties",
            "url${env}=x",
            "contains '${', which MicroProfile Config reads as a property expression"),
        Arguments.of("g.json", "{\"db_host\": \"x\",", "Unexpected end-of-input"),
        Arguments.of(
            "h.json",
            "{\"db_host\": \"a\",\n \"db_host\": \"b\"}",
            "Duplicate field 'db_host' at line 2, column"),
        Arguments.of(
            "i.json", "[\"db_host\"]", "a JSON object of settings is expected at line 1, column 1"),
        Arguments.of(
            "j.json",
            "{\"db\": {\"host\": \"a\"}, \"db.host\": \"b\"}",
            "its property 'db.host' is also a property of item"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFile_isRefused_withEveryProblemNamed_andNothingWritten(
      String fileName, String text, String expected) throws IOException {
    assertRefused(importing(fileName, text), "nothing was written", expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a delete request       | {"DeleteRequest": {"Key": {"Parameter": {"S": "a"}}}} | line 2: DeleteRequest is not supported; an import only puts items
          an unknown type        | {"PutRequest": {"Item": {"Parameter": {"S": "a"}, "Value": {"X": "1"}}}} | unknown type 'X' at line 2
          an unknown attribute   | {"PutRequest": {"Item": {"Parameter": {"S": "a"}, "Value": {"S": "1"}, "Owner": {"S": "me"}}}} | line 2: item 'a': attribute 'Owner' is none of the table's (Parameter, Value, Secret) and would be lost
          an item with no key    | {"PutRequest": {"Item": {"Value": {"S": "1"}}}} | line 2: an item: it has no key attribute 'Parameter'
          a number that is none  | {"PutRequest": {"Item": {"Parameter": {"S": "a"}, "Value": {"N": "five"}}}} | a value is not a number at line 2
          """)
  void badBatchWriteFile_isRefused(String what, String request, String expected)
      throws IOException {
    assertRefused(
        importing("batch.json", "{\"" + TABLE + "\": [\n  " + request + "\n]}"),
        "is not a valid batch-write file; nothing was written",
        expected);
  }

  @Test
  void everyBadKeyOfAFile_isListed_notOnlyTheFirst() throws IOException {
    CliRun.Result result = importing("many.properties", "a=\nb=ok\nc=\ndb_password=***\n");

    assertRefused(result, "3 problems; nothing was written to table 'bad-input-config'");
    assertThat(result.err().lines().filter(line -> line.startsWith("  line "))).hasSize(3);
  }

  @Test
  void notUtf8_unknownFormat_andSecretForAnAbsentKey() throws IOException {
    Path latin1 = Files.write(dir.resolve("latin1.properties"), new byte[] {'k', '=', (byte) 0xe9});
    assertRefused(cli.run("import", "--role", "bad-input", latin1.toString()), "is not UTF-8 text");
    assertRefused(
        importing("x.yaml", "db_host: x"),
        "Cannot tell the format of",
        "give --format properties, json or batch-write");
    assertRefused(
        importing("y.properties", "db_host=x", "--format", "xml"),
        "Unknown format 'xml': use properties, json or batch-write");
    assertRefused(
        importing("z.properties", "db_host=x", "--secret", "db_hots"),
        "--secret 'db_hots' names a key the file does not hold");
  }

  @Test
  void maskedValue_overASecretFlaggedInTheTable_isRefused() throws IOException {
    engine.putItems(
        TABLE,
        List.of(
            io.github.dynamodbconfig.testkit.Items.secretItem("license", s("lic-flagged-7d21"))));

    CliRun.Result result = importing("masked.properties", "license=***");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("line 1: 'license' holds ***, the mask of an export without --reveal-secrets");
  }

  @Test
  void malformedJson_neverEchoesTheValueItStumbledOn() throws IOException {
    SecretValues.register("db_pass", "hunter2-unquoted-9f");

    CliRun.Result result = importing("bad.json", "{\"db_pass\": hunter2-unquoted-9f}");

    assertRefused(result, "Unrecognized token '…'", "at line 1, column");
  }

  @Test
  void unknownType_forSet() {
    CliRun.Result result = cli.run("set", "--role", "bad-input", "db_port", "1", "--type", "INT");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "Invalid value for option '--type': expected one of [S, N, BOOL, SS, NS, L, M]"
                + " (case-sensitive) but was 'INT'");
  }

  @Test
  void missingTable_isNamedAsTheLibraryNamesIt() throws IOException {
    CliRun.Result result = importing("ok.properties", "db_host=x");
    engine.deleteTable(TABLE);
    CliRun.Result missing = cli.run("export", "--role", "bad-input");

    assertThat(result.code()).isZero();
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .startsWith(
            "dynamodb-config: DDBCFG-0405 DynamoDB table 'bad-input-config' (role 'bad-input')"
                + " in region us-east-1 was not found");
  }

  @Test
  void init_ofATableWithAnotherKeySchema_namesBoth() {
    engine.createConfigTable("bad-schema-config", "name");

    CliRun.Result result = cli.run("init", "--role", "bad-schema");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "dynamodb-config: DDBCFG-1102 Table 'bad-schema-config' exists with key schema HASH name (S); the"
                + " config source needs HASH Parameter (S)\n");
  }

  @Test
  void noTable_noCommand_unknownCommand() {
    CliRun.Result noTable = cli.run("export");
    assertThat(noTable.code()).isEqualTo(2);
    assertThat(noTable.err())
        .isEqualTo(
            "dynamodb-config: DDBCFG-1002 No table given: give --role ROLE or --table NAME (or set"
                + " dynamodb.config.role or dynamodb.config.table)\n");
    assertThat(CliRun.exactly().code()).isEqualTo(2);
    CliRun.Result unknown = CliRun.exactly("imprt");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("Unmatched argument at index 0: 'imprt'");
  }

  @Test
  void accessDeniedPartWay_saysWhatWasWrittenAndWhatNot_andRunningAgainCompletes()
      throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      text.append(String.format("setting.%03d=value %d%n", i, i));
    }
    Path file = Files.writeString(dir.resolve("hundred.properties"), text);
    try (FaultProxy proxy = FaultProxy.to(engine.endpoint())) {
      // The Scan, the change stamp marked in progress, and two batches of 25.
      proxy.next(4, new FaultProxy.Pass());
      proxy.next(
          10,
          FaultProxy.accessDenied(
              "dynamodb:BatchWriteItem", "arn:aws:dynamodb:us-east-1:123456789012:table/" + TABLE));
      CliRun viaProxy = new CliRun(proxy.endpoint());

      CliRun.Result denied = viaProxy.run("import", "--role", "bad-input", file.toString());

      assertThat(denied.code()).isEqualTo(2);
      assertThat(denied.err())
          .contains(
              "dynamodb-config: DDBCFG-1202 The import into table 'bad-input-config' stopped:"
                  + " DDBCFG-0406 Access to"
                  + " DynamoDB table 'bad-input-config' (role 'bad-input') in region"
                  + " us-east-1 was denied: the credentials need"
                  + " the IAM action dynamodb:BatchWriteItem on"
                  + " arn:aws:dynamodb:us-east-1:<account>:table/bad-input-config",
              "  written: 50 of 100 changes\n",
              "  not written: 50 (setting.",
              "  Run the same command again to write the rest");
      assertThat(settings()).isEqualTo(50);
      assertThat(stampState())
          .as("a half-written import stays marked in progress")
          .isEqualTo("writing");
    }

    CliRun.Result again = cli.run("import", "--role", "bad-input", file.toString());
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("50 unchanged\n", "Wrote 50 changes");
    assertThat(settings()).isEqualTo(100);
    assertThat(stampState()).isEqualTo("done");
    assertThat(
            engine
                .client()
                .getItem(r -> r.tableName(TABLE).key(Map.of("Parameter", s("setting.099"))))
                .item())
        .containsEntry("Value", AttributeValue.fromS("value 99"));
  }

  /** A properties file of {@code count} settings, {@code setting.000=value 0} and so on. */
  private Path settingsFile(int count) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(String.format("setting.%03d=value %d%n", i, i));
    }
    return Files.writeString(dir.resolve(count + ".properties"), text);
  }

  @Test
  void aWriteDynamoDbRefusesPartWay_saysWhatWasWritten_andNeverAdvisesToRunTheSameAgain()
      throws IOException {
    Path file = settingsFile(75);
    try (FaultProxy proxy = FaultProxy.to(engine.endpoint())) {
      // The Scan, the change stamp marked in progress, and two batches of 25; the third refused.
      proxy.next(4, new FaultProxy.Pass());
      proxy.next(
          10,
          new FaultProxy.ErrorAnswer(
              400,
              "com.amazon.coral.validate#ValidationException",
              "Item size has exceeded the maximum allowed size"));

      CliRun.Result refused =
          new CliRun(proxy.endpoint()).run("import", "--role", "bad-input", file.toString());

      assertThat(refused.code()).isEqualTo(2);
      assertThat(refused.err())
          .contains(
              "dynamodb-config: DDBCFG-1202 The import into table 'bad-input-config' stopped: ",
              "Item size has exceeded the maximum allowed size",
              "  written: 50 of 75 changes\n",
              "  not written: 25 (setting.",
              "  Running the same command again would fail the same way",
              "  The table's change stamp stays 'writing'")
          .doesNotContain("Run the same command again");
      assertThat(settings()).isEqualTo(50);
      assertThat(stampState()).isEqualTo("writing");
    }
  }

  @Test
  void theChangeStampNotMarkedDone_afterEveryWrite_isSaid_withWhatWasWritten() throws IOException {
    Path file = settingsFile(30);
    try (FaultProxy proxy = FaultProxy.to(engine.endpoint())) {
      // The Scan, the change stamp marked in progress, two batches; then marking it done fails.
      proxy.next(4, new FaultProxy.Pass());
      proxy.next(
          10,
          FaultProxy.accessDenied(
              "dynamodb:UpdateItem", "arn:aws:dynamodb:us-east-1:123456789012:table/" + TABLE));

      CliRun.Result result =
          new CliRun(proxy.endpoint()).run("import", "--role", "bad-input", file.toString());

      assertThat(result.code()).isEqualTo(2);
      assertThat(result.err())
          .startsWith(
              "dynamodb-config: DDBCFG-1140 The change is written to table 'bad-input-config' (30"
                  + " items), but its change stamp could not be marked done: ")
          .contains(
              "dynamodb:UpdateItem",
              "; the next change this tool writes to the table marks it done.\n");
      assertThat(settings()).isEqualTo(30);
      assertThat(stampState()).isEqualTo("writing");
    }
  }
}
