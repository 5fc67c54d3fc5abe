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

import static io.github.dynamodbconfig.testkit.Items.l;
import static io.github.dynamodbconfig.testkit.Items.n;
import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.cli.fixture.PoolSettings;
import io.github.dynamodbconfig.cli.fixture.ShopResource;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalDynamoDbExtension.class)
class CheckCommandTest {

  private final LocalDynamoDb engine;
  private final CliRun cli;
  @TempDir Path dir;

  CheckCommandTest(LocalDynamoDb engine) {
    this.engine = engine;
    this.cli = new CliRun(engine);
  }

  @BeforeEach
  void table() {
    engine.createConfigTable("check-config");
    engine.put("check-config", "db_host", s("db.internal"));
    engine.put(
        "check-config",
        "pool",
        io.github.dynamodbconfig.testkit.Items.m(java.util.Map.of("min", n("2"))));
    engine.put("check-config", "shop.zones", l(s("eu-1")));
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    String name = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static String path(Class<?> type) {
    return type.getName().replace('.', '/') + ".class";
  }

  @Test
  void classesDirectory_missingKeysListed_withTheMemberThatNeedsThem() throws IOException {
    Path classes = dir.resolve("classes");
    for (Class<?> type : new Class<?>[] {ShopResource.class, PoolSettings.class}) {
      Path file = classes.resolve(path(type));
      Files.createDirectories(file.getParent());
      Files.write(file, classFile(type));
    }
    Path config = classes.resolve("META-INF/microprofile-config.properties");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "pool-name=main\n");
    Path extra = Files.writeString(dir.resolve("extra.properties"), "api.url=http://api\n");

    CliRun.Result result =
        cli.run(
            "check",
            "--role",
            "check",
            "--app",
            classes.toString(),
            "--properties",
            extra.toString());

    assertThat(result.code()).as(result.all()).isEqualTo(1);
    String shop = ShopResource.class.getName();
    assertThat(result.out())
        .isEqualTo(
            String.join(
                "\n",
                "Checked 2 classes of "
                    + classes
                    + " against table 'check-config': 9 required keys",
                "Missing (5):",
                "  backup.pool.min, required by " + PoolSettings.class.getName() + "#min",
                "  backup.pool.pool-name, required by " + PoolSettings.class.getName() + "#name",
                "  " + shop + ".derived, required by " + shop + "#derived",
                "  pool.pool-name, required by " + PoolSettings.class.getName() + "#name",
                "  shop.currency, required by " + shop + "#currency",
                ""));
  }

  @Test
  void war_readsWebInfClassesAndLibJars_andTheirConfigFiles() throws IOException {
    ByteArrayOutputStream lib = new ByteArrayOutputStream();
    try (ZipOutputStream jar = new ZipOutputStream(lib)) {
      put(jar, path(PoolSettings.class), classFile(PoolSettings.class));
      put(
          jar,
          "META-INF/microprofile-config.properties",
          "pool-name=main\npool.pool-name=main\n".getBytes(StandardCharsets.UTF_8));
    }
    Path war = dir.resolve("shop.war");
    try (OutputStream out = Files.newOutputStream(war);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "WEB-INF/classes/" + path(ShopResource.class), classFile(ShopResource.class));
      put(
          zip,
          "WEB-INF/classes/META-INF/microprofile-config.properties",
          ("shop.currency=EUR\napi.url=http://api\nbackup.pool.min=1\nbackup.pool.pool-name=b\n"
                  + ShopResource.class.getName()
                  + ".derived=x\n")
              .getBytes(StandardCharsets.UTF_8));
      put(zip, "WEB-INF/lib/pool.jar", lib.toByteArray());
    }

    CliRun.Result result =
        cli.run("check", "--role", "check", "--app", war.toString(), "--output", "json");

    assertThat(result.code()).as(result.all()).isZero();
    assertThat(result.out()).contains("\"classes\" : 2", "\"missing\" : [ ]");
  }
}
