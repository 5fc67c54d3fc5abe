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

import io.github.dynamodbconfig.DynamoDbConfigChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/** Observes the changes of the application's DynamoDB tables: their names, never their values. */
@ApplicationScoped
public class ChangeLog {

  private final List<String> changes = new ArrayList<>();

  synchronized void changed(@Observes DynamoDbConfigChanged change) {
    changes.add(change.table() + ": " + String.join(",", change.names()));
  }

  /** One entry per change seen: {@code table: name,name}. */
  public synchronized List<String> changes() {
    return List.copyOf(changes);
  }
}
