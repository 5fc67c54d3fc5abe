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
package io.github.dynamodbconfig.it.servers;

import io.github.dynamodbconfig.DynamoDbConfigSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A plain Java SE application with SmallRye Config and no CDI: it registers a change listener with
 * its {@code Config}, prints each change's names, and every 200 ms for five minutes the {@code
 * db_name} its {@code Config} gives.
 */
public final class JavaSeApp {

  private JavaSeApp() {}

  public static void main(String[] args) throws InterruptedException {
    Config config = ConfigProvider.getConfig();
    DynamoDbConfigSource.addChangeListener(
        config, change -> System.out.println("changed " + change.table() + ": " + change.names()));
    System.out.println("db_name=" + config.getValue("db_name", String.class));
    System.out.println("started");
    for (int i = 0; i < 1500; i++) {
      Thread.sleep(200);
      System.out.println("db_name=" + config.getValue("db_name", String.class));
    }
  }
}
