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
package io.github.dynamodbconfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Where the source's own settings come from, first found wins: system properties, environment
 * variables (MicroProfile Config's mapping), then every {@code
 * META-INF/microprofile-config.properties} of a class loader, highest {@code config_ordinal} first.
 */
final class SettingsLookup implements Function<String, String> {

  static final String PROPERTIES_FILE = "META-INF/microprofile-config.properties";

  private final Properties systemProperties;
  private final Map<String, String> environment;
  private final List<Properties> files;

  SettingsLookup(
      Properties systemProperties, Map<String, String> environment, List<Properties> files) {
    this.systemProperties = systemProperties;
    this.environment = Map.copyOf(environment);
    // As MicroProfile Config ranks them: the highest config_ordinal first, then in the given order.
    this.files =
        files.stream().sorted(Comparator.comparingInt(SettingsLookup::ordinal).reversed()).toList();
  }

  /**
   * The standard lookup: system properties, environment variables, then every {@code
   * META-INF/microprofile-config.properties} that the thread's context class loader sees (the
   * application's, on a server), or the library's own loader when the thread has none. The source
   * and the provider both read their settings this way, so they always agree on them.
   */
  static SettingsLookup standard() {
    return new SettingsLookup(System.getProperties(), System.getenv(), propertiesFiles(loader()));
  }

  /** The thread's context class loader, else the library's. */
  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : SettingsLookup.class.getClassLoader();
  }

  /** The first non-blank value (MicroProfile: empty means missing), or null. */
  @Override
  public String apply(String key) {
    String sanitized = DynamoDbConfigSetting.sanitized(key);
    List<String> candidates = new ArrayList<>();
    candidates.add(systemProperties.getProperty(key));
    // MicroProfile Config 3.x: the exact name, then non-alphanumerics as _, then upper case.
    candidates.add(environment.get(key));
    candidates.add(environment.get(sanitized));
    candidates.add(environment.get(sanitized.toUpperCase(Locale.ROOT)));
    for (Properties file : files) {
      candidates.add(file.getProperty(key));
    }
    return candidates.stream()
        .filter(value -> value != null && !value.isBlank())
        .findFirst()
        .orElse(null);
  }

  private static List<Properties> propertiesFiles(ClassLoader loader) {
    List<Properties> files = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(PROPERTIES_FILE))) {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
          properties.load(in);
        }
        files.add(properties);
      }
    } catch (IOException e) {
      throw SettingsMessages.UNREADABLE_FILE.exception(e, PROPERTIES_FILE, e.getMessage());
    }
    return files;
  }

  /** A file's {@code config_ordinal}, 100 when it has none or not a number. */
  private static int ordinal(Properties file) {
    String value = file.getProperty(ConfigSource.CONFIG_ORDINAL);
    try {
      return value == null ? ConfigSource.DEFAULT_ORDINAL : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return ConfigSource.DEFAULT_ORDINAL;
    }
  }
}
