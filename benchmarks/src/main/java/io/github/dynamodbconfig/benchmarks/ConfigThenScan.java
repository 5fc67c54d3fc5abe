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

import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A cold-start child: the floor of an application that has a MicroProfile Config runtime anyway and
 * reads its table by hand. It builds the runtime's {@code Config} with its default sources (our
 * library is not on its class path), then does {@link SdkFirstScan}'s raw Scan and takes the value
 * of item {@code db_host}.
 *
 * <p>Prints {@code FIRST_VALUE <nanoseconds from main() to the value>}, then the details of {@link
 * Marker#details()}, and exits.
 */
public final class ConfigThenScan {

  private ConfigThenScan() {}

  /** Builds the config, scans, prints the marker line, exits; status 1 when a value is missing. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    Config config = ConfigProvider.getConfig();
    boolean configured = config.getOptionalValue("coldstart.greeting", String.class).isPresent();
    String value = SdkFirstScan.scanForValue(List.of());
    long elapsed = System.nanoTime() - start;
    if (!configured || value == null) {
      System.out.println("MISSING " + (configured ? "db_host" : "coldstart.greeting"));
      System.exit(1);
    }
    Marker.print(elapsed);
  }
}
