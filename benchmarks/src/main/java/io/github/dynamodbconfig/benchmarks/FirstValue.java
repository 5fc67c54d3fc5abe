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
package io.github.dynamodbconfig.benchmarks;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A cold-start child: an application whose first act is to read one value through {@code
 * ConfigProvider.getConfig()}. Whether that value comes from DynamoDB or from {@code
 * META-INF/microprofile-config.properties} depends only on the class path and the settings the
 * harness gives it.
 *
 * <p>Prints {@code FIRST_VALUE <nanoseconds from main() to the value>}, then the details of {@link
 * Marker#details()}, and exits.
 */
public final class FirstValue {

  /** The key to read: {@code -Dbench.key}, by default {@code db_host}. */
  static final String KEY_PROPERTY = "bench.key";

  private FirstValue() {}

  /** Reads the value, prints the marker line, exits; status 1 when the value is missing. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    String key = System.getProperty(KEY_PROPERTY, "db_host");
    String value = ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(null);
    long elapsed = System.nanoTime() - start;
    if (value == null) {
      System.out.println("MISSING " + key);
      System.exit(1);
    }
    Marker.print(elapsed);
  }
}
