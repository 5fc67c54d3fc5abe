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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Part 9, the cost of a call through a refresh-scoped bean's client proxy against an
 * application-scoped one's, in Weld SE with the library's CDI extensions: a refresh-scoped call
 * goes through the context's lookup, and for a bean with something to close (a {@code PreDestroy}
 * method) through the interceptor that counts calls in progress too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ProxyCallBenchmark {

  /** An application-scoped counter. */
  @ApplicationScoped
  public static class ApplicationCounter {
    private int count;

    /** The next count. */
    public int next() {
      return ++count;
    }
  }

  /** The same counter, refresh-scoped: nothing to close, no call counting. */
  @RefreshScoped
  public static class RefreshCounter {
    private int count;

    /** The next count. */
    public int next() {
      return ++count;
    }
  }

  /** The same counter, refresh-scoped, with a PreDestroy method: its calls are counted. */
  @RefreshScoped
  public static class ClosingCounter {
    private int count;

    /** The next count. */
    public int next() {
      return ++count;
    }

    @PreDestroy
    void close() {
      count = -1;
    }
  }

  private WeldContainer container;
  private ApplicationCounter application;
  private RefreshCounter refresh;
  private ClosingCounter closing;

  @Setup(Level.Trial)
  public void setUp() {
    System.setProperty("dynamodb.config.enabled", "false");
    container =
        new Weld()
            .disableDiscovery()
            .addExtension(new DynamoDbConfigExtension())
            .addBeanClasses(ApplicationCounter.class, RefreshCounter.class, ClosingCounter.class)
            .initialize();
    application = container.select(ApplicationCounter.class).get();
    refresh = container.select(RefreshCounter.class).get();
    closing = container.select(ClosingCounter.class).get();
    if (application.next() != 1 || refresh.next() != 1 || closing.next() != 1) {
      throw new IllegalStateException("the beans are not fresh");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    container.close();
  }

  @Benchmark
  public int applicationScoped() {
    return application.next();
  }

  @Benchmark
  public int refreshScoped() {
    return refresh.next();
  }

  @Benchmark
  public int refreshScopedCounted() {
    return closing.next();
  }
}
