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
package io.github.dynamodbconfig.testkit;

import java.util.HashMap;
import java.util.Map;

/** Sets system properties for one test and puts the previous values back afterwards. */
public final class SystemProperties implements AutoCloseable {

  private final Map<String, String> previous = new HashMap<>();

  /** Sets {@code key} to {@code value} until {@link #close()}. */
  public SystemProperties set(String key, String value) {
    if (!previous.containsKey(key)) {
      previous.put(key, System.getProperty(key));
    }
    System.setProperty(key, value);
    return this;
  }

  /** Puts back the values from before. */
  @Override
  public void close() {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
  }
}
