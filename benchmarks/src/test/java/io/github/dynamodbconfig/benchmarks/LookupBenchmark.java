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

import io.github.dynamodbconfig.DynamoDbConfigSource;
import io.github.dynamodbconfig.testkit.Items;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Part 2, lookup: our source, loaded from the local DynamoDB engine (started by the measuring JVM,
 * so that the forked JVM holds nothing else), against SmallRye's in-memory {@code
 * PropertiesConfigSource} holding the same 100 properties; directly and through a {@code
 * SmallRyeConfig} that holds only that source.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LookupBenchmark {

  static final int SETTINGS = 100;
  static final String TABLE = "lookup-config";

  /**
   * The endpoint of the local DynamoDB engine that the measuring JVM starts; the fork only reads
   * it.
   */
  static final String ENDPOINT_PROPERTY = "bench.lookup.endpoint";

  /** A key of the table; JMH may not fold it into a constant, so it is a field. */
  String hit = "setting.050";

  String miss = "no.such.setting";

  private ConfigSource source;
  private ConfigSource properties;
  private SmallRyeConfig sourceConfig;
  private SmallRyeConfig propertiesConfig;

  /** Keeps the level set on it: the source's INFO line is left out of JMH's output. */
  private static final Logger SOURCE_LOGGER = Logger.getLogger("io.github.dynamodbconfig");

  /** The settings of the table, and of the in-memory source. */
  static Map<String, String> settings() {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < SETTINGS; i++) {
      map.put(String.format(Locale.ROOT, "setting.%03d", i), "value " + i);
    }
    return map;
  }

  /** Creates the table in the measuring JVM, before JMH forks. */
  static void createTable(LocalDynamoDb engine) {
    engine.createConfigTable(TABLE);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    settings().forEach((key, value) -> items.add(Items.item(key, Items.s(value))));
    engine.putItems(TABLE, items);
  }

  @Setup(Level.Trial)
  public void setUp() {
    SOURCE_LOGGER.setLevel(java.util.logging.Level.WARNING);
    System.setProperty("aws.accessKeyId", LocalDynamoDb.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", LocalDynamoDb.SECRET_ACCESS_KEY);
    System.setProperty("dynamodb.config.table", TABLE);
    System.setProperty("dynamodb.config.endpoint", System.getProperty(ENDPOINT_PROPERTY));
    System.setProperty("dynamodb.config.region", LocalDynamoDb.REGION.id());
    source = new DynamoDbConfigSource();
    Map<String, String> map = settings();
    if (!source.getProperties().equals(map)) {
      throw new IllegalStateException("the source does not hold the table: " + source);
    }
    properties = new PropertiesConfigSource(map, "in-memory", source.getOrdinal());
    sourceConfig = new SmallRyeConfigBuilder().withSources(source).build();
    propertiesConfig = new SmallRyeConfigBuilder().withSources(properties).build();
  }

  @Benchmark
  public String sourceGetValueHit() {
    return source.getValue(hit);
  }

  @Benchmark
  public String sourceGetValueMiss() {
    return source.getValue(miss);
  }

  @Benchmark
  public String propertiesGetValueHit() {
    return properties.getValue(hit);
  }

  @Benchmark
  public String propertiesGetValueMiss() {
    return properties.getValue(miss);
  }

  @Benchmark
  public String configGetValueWithSource() {
    return sourceConfig.getValue(hit, String.class);
  }

  @Benchmark
  public String configGetValueWithProperties() {
    return propertiesConfig.getValue(hit, String.class);
  }
}
