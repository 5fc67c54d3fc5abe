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

import io.github.dynamodbconfig.DynamoDbConfigExtension;
import io.github.dynamodbconfig.RefreshScoped;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Part 10, time to bean: how long after the operator's tool changed a setting a refresh-scoped bean
 * answers the new value, in Weld SE with SmallRye Config, the source refreshing every second. Each
 * change is one {@code java -jar dynamodb-config-cli.jar set}; the clock starts when that process
 * has ended (the write is done) and stops when a call through the bean's client proxy, made every
 * millisecond, answers the new value.
 */
final class TimeToBean {

  static final String TABLE = "live-config";
  static final String KEY = "live.value";
  static final int CHANGES = 50;
  static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

  /** The application's bean. */
  @RefreshScoped
  public static class LiveValue {
    @Inject
    @ConfigProperty(name = KEY)
    String value;

    /** The value it was made with. */
    public String value() {
      return value;
    }
  }

  private final LocalDynamoDb engine;
  private final Path cliJar;

  TimeToBean(LocalDynamoDb engine, Path cliJar) {
    this.engine = engine;
    this.cliJar = cliJar;
  }

  String run() throws IOException, InterruptedException {
    engine.createConfigTable(TABLE);
    engine.put(
        TABLE, KEY, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("0"));
    Map<String, String> settings =
        Map.of(
            "dynamodb.config.table",
            TABLE,
            "dynamodb.config.endpoint",
            engine.endpoint().toString(),
            "dynamodb.config.region",
            LocalDynamoDb.REGION.id(),
            "dynamodb.config.refresh-interval",
            REFRESH_INTERVAL.toMillis() + "ms",
            "dynamodb.config.enabled",
            "true");
    settings.forEach(System::setProperty);
    List<Long> toBean = new ArrayList<>();
    List<Long> tool = new ArrayList<>();
    try (WeldContainer container =
        new Weld()
            .disableDiscovery()
            .addExtension(new DynamoDbConfigExtension())
            .addExtension(new ConfigExtension())
            .addBeanClasses(LiveValue.class)
            .initialize()) {
      LiveValue bean = container.select(LiveValue.class).get();
      if (!bean.value().equals("0")) {
        throw new IllegalStateException(
            "the bean does not hold the table's value: " + bean.value());
      }
      for (int change = 1; change <= CHANGES; change++) {
        String value = Integer.toString(change);
        long spawned = System.nanoTime();
        set(value);
        long written = System.nanoTime();
        tool.add(written - spawned);
        long deadline = written + TimeUnit.SECONDS.toNanos(30);
        while (!bean.value().equals(value)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("change " + change + " did not reach the bean in 30 s");
          }
          Thread.sleep(1);
        }
        toBean.add(System.nanoTime() - written);
      }
    } finally {
      ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
      settings.keySet().forEach(System::clearProperty);
    }
    Stats bean = Stats.of(toBean);
    Stats tools = Stats.of(tool);
    return new MarkdownTable("time", "changes", "median ms", "p90 ms", "p99 ms", "slowest ms")
        .row(
            "the tool's write → the refresh-scoped bean's new value",
            bean.runs(),
            Stats.ms(bean.medianMillis()),
            Stats.ms(bean.p90Millis()),
            Stats.ms(bean.p99Millis()),
            Stats.ms(bean.maxMillis()))
        .row(
            "for scale: the tool itself (java -jar, spawn to exit)",
            tools.runs(),
            Stats.ms(tools.medianMillis()),
            Stats.ms(tools.p90Millis()),
            Stats.ms(tools.p99Millis()),
            Stats.ms(tools.maxMillis()))
        .toString();
  }

  private void set(String value) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            cliJar.toString(),
            "set",
            "--table",
            TABLE,
            KEY,
            value,
            "--endpoint",
            engine.endpoint().toString(),
            "--region",
            LocalDynamoDb.REGION.id());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("AWS_ACCESS_KEY_ID", LocalDynamoDb.ACCESS_KEY_ID);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", LocalDynamoDb.SECRET_ACCESS_KEY);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("the tool failed: " + output);
    }
  }
}
