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

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.cli.fixture.ShopResource;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SecretGuard;
import io.github.dynamodbconfig.testkit.SecretValues;
import io.github.dynamodbconfig.testkit.SecretsManagerServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code link} makes a key reference a Secrets Manager secret, after reading it once; {@code get},
 * {@code export} and {@code check} read referenced secrets as an application does.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class SecretReferencesCliTest {

  private static final String TABLE = "linked-config";

  private final LocalDynamoDb engine;
  private final CliRun cli;
  private SecretsManagerServer secrets;

  @TempDir Path dir;

  SecretReferencesCliTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  @BeforeEach
  void start() {
    secrets = SecretsManagerServer.start();
    engine.deleteTable(TABLE);
    engine.createConfigTable(TABLE);
    SecretValues.register("db.password", "linked-pw-8n4c");
    secrets.put("prod/db", "{\"username\":\"app\",\"password\":\"linked-pw-8n4c\"}");
  }

  @AfterEach
  void stop() {
    secrets.close();
  }

  private CliRun.Result run(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = args[0];
    all[1] = "--role";
    all[2] = "linked";
    System.arraycopy(args, 1, all, 3, args.length - 1);
    all[args.length + 2] = "--secrets-manager-endpoint";
    all[args.length + 3] = secrets.endpoint().toString();
    return cli.run(all);
  }

  private Map<String, AttributeValue> stored(String key) {
    return engine
        .client()
        .getItem(r -> r.tableName(TABLE).key(Map.of("Parameter", AttributeValue.fromS(key))))
        .item();
  }

  @Test
  void link_readsTheSecretOnce_thenWritesTheReference_andGetAndExportReadIt() {
    CliRun.Result linked = run("link", "db", "prod/db");
    assertThat(linked.code()).as(linked.all()).isZero();
    assertThat(linked.out())
        .isEqualTo(
            "Linked 'db' of table 'linked-config' to Secrets Manager secret prod/db, which gives"
                + " 2 properties: 'db.password', 'db.username'\n");
    assertThat(stored("db"))
        .containsEntry("SecretsManager", AttributeValue.fromS("prod/db"))
        .doesNotContainKey("Value");
    assertThat(secrets.count("BatchGetSecretValue")).isEqualTo(1);
    assertThat(run("link", "db", "prod/db").out()).endsWith("; nothing to do\n");

    CliRun.Result field = run("link", "db_password", "prod/db", "--json-key", "password");
    assertThat(field.out()).contains("which gives 1 property: 'db_password'");
    assertThat(stored("db_password")).containsEntry("JsonKey", AttributeValue.fromS("password"));

    CliRun.Result get = run("get", "db");
    assertThat(get.out()).isEqualTo("db.password=***\ndb.username=***\n");
    assertThat(run("get", "db_password", "--reveal-secret").out()).isEqualTo("linked-pw-8n4c\n");

    CliRun.Result exported = run("export");
    assertThat(exported.code()).as(exported.all()).isZero();
    SecretGuard.checkOutput("export", exported.out());
    assertThat(exported.out()).contains("db.password=***", "db_password=***");
    assertThat(run("export", "--reveal-secrets").out()).contains("db_password=linked-pw-8n4c");
  }

  @Test
  void aSecretThatDoesNotResolve_isNotLinked_andFailsCheck() throws IOException {
    CliRun.Result missing = run("link", "db", "prod/missing");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .contains(
            "DDBCFG-0371 Secrets Manager did not give secret prod/missing of item 'db' of"
                + " DynamoDB table 'linked-config'");
    assertThat(stored("db")).isEmpty();

    CliRun.Result noField = run("link", "db", "prod/db", "--json-key", "pin");
    assertThat(noField.code()).isEqualTo(2);
    assertThat(noField.err())
        .contains(
            "DDBCFG-1403 An application cannot read key 'db': Invalid item 'db' in table"
                + " 'linked-config': its secret prod/db has no JSON field 'pin'");
    assertThat(stored("db")).isEmpty();

    run("set", "db.password", "plain-pw");
    CliRun.Result clash = run("link", "db", "prod/db");
    assertThat(clash.code()).isEqualTo(2);
    assertThat(clash.err())
        .contains(
            "An application cannot read key 'db': its property 'db.password' is also a property"
                + " of item 'db.password'");
    assertThat(stored("db")).isEmpty();
    run("unset", "db.password");

    run("link", "db", "prod/db");
    Path classes = dir.resolve("classes");
    String name = ShopResource.class.getName().replace('.', '/') + ".class";
    Files.createDirectories(classes.resolve(name).getParent());
    try (InputStream in = ShopResource.class.getClassLoader().getResourceAsStream(name)) {
      Files.write(classes.resolve(name), in.readAllBytes());
    }
    secrets.deny("prod/db");
    CliRun.Result check = run("check", "--app", classes.toString());
    assertThat(check.code()).isEqualTo(2);
    assertThat(check.err())
        .contains("DDBCFG-0371 Secrets Manager did not give secret prod/db of item 'db'");
  }
}
