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
package io.github.dynamodbconfig.helidon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prints, once the CDI container has started, the settings it was injected with ({@code key=value},
 * one per line) and where three of them came from, then {@code started}; then, every 200 ms, {@code
 * db_name} as a refresh-scoped bean and as this bean have it, and the changes observed. It never
 * prints {@code db_pass}, only whether it is set.
 */
@ApplicationScoped
public class SettingsPrinter {

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
  @ConfigProperty(name = "db_pass")
  String dbPass;

  @Inject
  @ConfigProperty(name = "db_name")
  String dbName;

  @Inject
  @ConfigProperty(name = "greeting")
  String greeting;

  @Inject Config config;

  @Inject LiveSettings live;

  @Inject ChangeLog changeLog;

  void print(@Observes @Initialized(ApplicationScoped.class) Object started) {
    System.out.println("db_host=" + dbHost);
    System.out.println("db_port=" + dbPort + " (int)");
    System.out.println("debug=" + debug + " (boolean)");
    System.out.println("db_pass=" + (dbPass.isEmpty() ? "empty" : "set"));
    System.out.println("db_name=" + dbName);
    System.out.println("greeting=" + greeting);
    for (String key : List.of("db_port", "db_host", "greeting")) {
      ConfigValue value = config.getConfigValue(key);
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
    // Not a daemon: it keeps the application (which serves nothing) running while it watches.
    new Thread(this::watch, "watch").start();
  }

  /**
   * Every 200 ms for five minutes, {@code db_name} as a refresh-scoped bean and this
   * application-scoped one have it, and the changes observed.
   */
  private void watch() {
    for (int i = 0; i < 1500; i++) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
      System.out.println(
          "watch refresh-scoped db_name="
              + live.dbName()
              + " closed="
              + LiveSettings.closed()
              + " application-scoped db_name="
              + dbName
              + " changes="
              + changeLog.changes());
    }
  }
}
