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

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The quickstart: an application that reads its settings through the MicroProfile Config API, with
 * the DynamoDB config source on its class path.
 *
 * <p>With no {@code dynamodb.config.endpoint} and no AWS region configured, it starts DynamoDB
 * Local embedded (in memory, on a free loopback port), creates {@code test-myapp-website-config},
 * writes the items of {@code example-items.json} into it, and points the source at it. Otherwise it
 * reads the table the settings name (by default the role {@code test-myapp-website}), with the AWS
 * SDK's default credentials.
 */
public final class Quickstart {

  static final String ROLE = "test-myapp-website";

  private Quickstart() {}

  /** Runs the quickstart, then exits with 0, or 1 when it failed. */
  public static void main(String[] args) throws IOException {
    int status = 0;
    try {
      run(System.out);
    } catch (RuntimeException e) {
      System.err.println("Quickstart failed: " + e.getMessage());
      status = 1;
    }
    System.exit(status);
  }

  /** Runs the quickstart, printing to {@code out}. */
  static void run(PrintStream out) throws IOException {
    if (!isSet("dynamodb.config.role") && !isSet("dynamodb.config.table")) {
      System.setProperty("dynamodb.config.role", ROLE);
    }
    if (configured()) {
      out.println("Using the DynamoDB table of the settings (endpoint or AWS region configured)");
      printSettings(out);
      return;
    }
    try (LocalDynamoDb engine = LocalDynamoDb.start()) {
      out.println("Started the embedded DynamoDB engine (dynalite) at " + engine.endpoint());
      seed(engine, out);
      setIfAbsent("dynamodb.config.endpoint", engine.endpoint().toString());
      setIfAbsent("dynamodb.config.region", LocalDynamoDb.REGION.id());
      // The local engine accepts any credentials.
      setIfAbsent("aws.accessKeyId", LocalDynamoDb.ACCESS_KEY_ID);
      setIfAbsent("aws.secretAccessKey", LocalDynamoDb.SECRET_ACCESS_KEY);
      printSettings(out);
    }
  }

  /** What the application does: read typed settings through MicroProfile Config. */
  private static void printSettings(PrintStream out) {
    Config config = ConfigProvider.getConfig();
    try {
      String host = config.getValue("db_host", String.class);
      int port = config.getValue("db_port", int.class);
      boolean debug = config.getValue("debug", boolean.class);
      String user = config.getValue("db_user", String.class);
      boolean passwordSet = !config.getValue("db_pass", String.class).isEmpty();
      out.println("db_host = " + host);
      out.println("db_port = " + port + " (int)");
      out.println("debug   = " + debug + " (boolean)");
      out.println("db_user = " + user);
      out.println("db_pass = *** (" + (passwordSet ? "set" : "empty") + ", never printed)");
      out.println("db_port comes from " + config.getConfigValue("db_port").getSourceName());
    } finally {
      ConfigProviderResolver.instance().releaseConfig(config);
    }
  }

  private static void seed(LocalDynamoDb engine, PrintStream out) throws IOException {
    Map<String, List<Map<String, AttributeValue>>> tables;
    try (InputStream json = Quickstart.class.getResourceAsStream("/example-items.json")) {
      tables = BatchWriteFile.read(json);
    }
    for (Map.Entry<String, List<Map<String, AttributeValue>>> table : tables.entrySet()) {
      engine.createConfigTable(table.getKey());
      engine.putItems(table.getKey(), table.getValue());
      out.println(
          "Created table " + table.getKey() + " with " + table.getValue().size() + " items");
    }
  }

  /** True when the user pointed the source at an endpoint or a real AWS region. */
  static boolean configured() {
    return isSet("dynamodb.config.endpoint")
        || isSet("dynamodb.config.region")
        || isSet("aws.region")
        || System.getenv("AWS_DEFAULT_REGION") != null;
  }

  /** Set as a system property or as an environment variable (upper case, {@code _}). */
  private static boolean isSet(String key) {
    return System.getProperty(key) != null
        || System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT)) != null;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
