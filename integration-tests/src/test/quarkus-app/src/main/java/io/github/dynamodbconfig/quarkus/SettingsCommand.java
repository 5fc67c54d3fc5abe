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
package io.github.dynamodbconfig.quarkus;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prints the settings it was injected with, one {@code key=value} line each, and where three of
 * them came from. With the argument {@code watch} it then prints {@code db_name} through its {@link
 * Provider} every 200 ms for a minute, so that a refreshed value shows, with {@code db_name} as a
 * refresh-scoped bean and as this bean have it, and the changes observed. It never prints {@code
 * db_pass}, only whether it is set.
 */
@QuarkusMain
public class SettingsCommand implements QuarkusApplication {

  @Inject
  @ConfigProperty(name = "db_host")
  String dbHost;

  @Inject
  @ConfigProperty(name = "db_port")
  int dbPort;

  @Inject
  @ConfigProperty(name = "debug")
  boolean debug;

  @Inject
  @ConfigProperty(name = "db_replicas")
  List<String> dbReplicas;

  @Inject
  @ConfigProperty(name = "db_pass")
  String dbPass;

  @Inject
  @ConfigProperty(name = "greeting")
  String greeting;

  @Inject
  @ConfigProperty(name = "db_name")
  Provider<String> dbName;

  @Inject
  @ConfigProperty(name = "db_name")
  String dbNameAtStart;

  @Inject LiveSettings live;

  @Inject ChangeLog changeLog;

  @Override
  public int run(String... args) throws InterruptedException {
    System.out.println("db_host=" + dbHost);
    System.out.println("db_port=" + dbPort + " (int)");
    System.out.println("debug=" + debug + " (boolean)");
    System.out.println("db_replicas=" + dbReplicas + " (List, " + dbReplicas.size() + " elements)");
    System.out.println("db_pass=" + (dbPass.isEmpty() ? "empty" : "set"));
    System.out.println("greeting=" + greeting);
    System.out.println("db_name=" + dbName.get());
    for (String key : List.of("db_port", "db_host", "greeting")) {
      ConfigValue value = ConfigProvider.getConfig().getConfigValue(key);
      System.out.println(
          "source "
              + key
              + "="
              + value.getSourceName()
              + " (ordinal "
              + value.getSourceOrdinal()
              + ")");
    }
    System.out.println("started");
    if (args.length > 0 && args[0].equals("watch")) {
      for (int i = 0; i < 300; i++) {
        Thread.sleep(200);
        System.out.println("db_name=" + dbName.get());
        System.out.println(
            "watch refresh-scoped db_name="
                + live.dbName()
                + " closed="
                + LiveSettings.closed()
                + " application-scoped db_name="
                + dbNameAtStart
                + " changes="
                + changeLog.changes());
      }
    }
    return 0;
  }
}
