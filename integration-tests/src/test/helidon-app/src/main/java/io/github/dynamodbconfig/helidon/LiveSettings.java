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

import io.github.dynamodbconfig.RefreshScoped;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A setting injected into a refresh-scoped bean: made again after its property changed, the old
 * instance closed once its calls in progress have returned.
 */
@RefreshScoped
public class LiveSettings {

  private static final AtomicInteger CLOSED = new AtomicInteger();

  @Inject
  @ConfigProperty(name = "db_name")
  String dbName;

  /** The database name as the table has it now. */
  public String dbName() {
    return dbName;
  }

  /** Closes the instance, as one that holds a connection made from the setting would. */
  @PreDestroy
  void close() {
    CLOSED.incrementAndGet();
  }

  /** How many instances were closed. */
  public static int closed() {
    return CLOSED.get();
  }
}
