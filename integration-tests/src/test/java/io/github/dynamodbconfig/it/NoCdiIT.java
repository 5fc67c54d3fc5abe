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
package io.github.dynamodbconfig.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SystemProperties;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library with no CDI API on the class path, as in a plain Java SE application: the extension's
 * service file is there but nothing loads it, and {@link ServiceLoader} still finds and runs the
 * config source.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class NoCdiIT {

  private final LocalDynamoDb engine;

  NoCdiIT(LocalDynamoDb engine) {
    this.engine = engine;
  }

  /** This JVM's test class path without the CDI API, Weld and Arquillian, over the JDK alone. */
  private static URLClassLoader withoutCdi() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String file = Path.of(entry).getFileName().toString();
      if (!file.startsWith("jakarta.enterprise")
          && !file.startsWith("weld-")
          && !file.startsWith("arquillian-")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return new URLClassLoader("no-cdi", urls.toArray(URL[]::new), null);
  }

  @Test
  void serviceLoader_findsTheSource_withNoCdiApiOnTheClassPath() throws Exception {
    InjectionTable.create(engine);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (SystemProperties properties = InjectionTable.select(engine);
        URLClassLoader loader = withoutCdi()) {
      assertThatThrownBy(
              () -> Class.forName("jakarta.enterprise.inject.spi.Extension", false, loader))
          .isInstanceOf(ClassNotFoundException.class);
      assertThat(loader.getResource("META-INF/services/jakarta.enterprise.inject.spi.Extension"))
          .as("the library's extension service file is on the class path")
          .isNotNull();
      Class<?> configSource =
          Class.forName("org.eclipse.microprofile.config.spi.ConfigSource", true, loader);
      thread.setContextClassLoader(loader);

      List<String> names = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (Object source : ServiceLoader.load(configSource, loader)) {
        names.add((String) configSource.getMethod("getName").invoke(source));
        values.add(configSource.getMethod("getValue", String.class).invoke(source, "db_host"));
        ((AutoCloseable) source).close();
      }

      assertThat(names).containsExactly(InjectionTable.SOURCE_NAME);
      assertThat(values).containsExactly("my.test.server");
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
