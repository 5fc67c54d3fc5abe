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

import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.Await;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SystemProperties;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link RefreshScoped} beans and the {@link DynamoDbConfigChanged} event in Weld SE, with SmallRye
 * Config and the registered source refreshing every 100 ms.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class RefreshScopeTest {

  private static final String TABLE = ExampleTable.NAME;

  private final LocalDynamoDb engine;
  private SystemProperties properties;

  RefreshScopeTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void table() {
    ExampleTable.create(engine);
    properties =
        new SystemProperties()
            .set("dynamodb.config.endpoint", engine.endpoint().toString())
            .set("dynamodb.config.region", LocalDynamoDb.REGION.id())
            .set("dynamodb.config.table", TABLE)
            .set("dynamodb.config.refresh-interval", "100ms");
    HostClient.made.set(0);
    HostClient.destroyed.set(0);
    FlagReader.made.set(0);
    WholeConfig.made.set(0);
    SlowWorker.made.set(0);
    SlowWorker.destroyed.set(0);
    Pool.closed.set(0);
  }

  @AfterEach
  void release() {
    properties.close();
    ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
  }

  private static WeldContainer weld() {
    return new Weld()
        .disableDiscovery()
        .addExtension(new ConfigExtension())
        .addExtension(new DynamoDbConfigExtension())
        .addBeanClasses(
            HostClient.class,
            FlagReader.class,
            WholeConfig.class,
            Fixed.class,
            Observer.class,
            SlowWorker.class,
            SettingsOnly.class,
            PoolUser.class,
            Pool.class)
        .initialize();
  }

  @Test
  void aChangedPropertyThatABeanInjects_makesItAgain_withTheNewValue_andOnlyThatBean()
      throws InterruptedException {
    try (WeldContainer weld = weld()) {
      HostClient client = weld.select(HostClient.class).get();
      FlagReader flags = weld.select(FlagReader.class).get();
      Fixed fixed = weld.select(Fixed.class).get();
      assertThat(client.host()).isEqualTo("my.test.server");
      assertThat(flags.debug()).isTrue();
      assertThat(fixed.host()).isEqualTo("my.test.server");

      engine.put(TABLE, "db_host", s("new.server"));
      Await.until(() -> "new.server".equals(client.host()));

      assertThat(client.port()).isEqualTo(5432);
      assertThat(HostClient.made).hasValue(2);
      assertThat(HostClient.destroyed).hasValue(1);
      assertThat(flags.debug()).isTrue();
      assertThat(FlagReader.made).as("a bean that injects no changed property").hasValue(1);
      assertThat(fixed.host()).as("an application-scoped bean").isEqualTo("my.test.server");
    }
  }

  @Test
  void aBeanThatInjectsConfig_isMadeAgainAfterAnyChange() throws InterruptedException {
    try (WeldContainer weld = weld()) {
      WholeConfig whole = weld.select(WholeConfig.class).get();
      assertThat(whole.value("db_user")).isEqualTo("my_username");

      engine.put(TABLE, "unrelated", s("x"));
      Await.until(() -> whole.value("db_user") != null && WholeConfig.made.get() == 2);
      assertThat(whole.value("unrelated")).isEqualTo("x");
    }
  }

  @Test
  void observers_getTheChangeByName_afterTheBeansWereMadeStale() throws InterruptedException {
    try (WeldContainer weld = weld()) {
      Observer observer = weld.select(Observer.class).get();
      HostClient client = weld.select(HostClient.class).get();
      assertThat(client.host()).isEqualTo("my.test.server");

      engine.put(TABLE, "db_pass", s("rotated-pw-77ab-DO-NOT-LOG"));
      engine.put(TABLE, "db_host", s("observed.server"));
      Await.until(() -> observer.hostsSeen().contains("observed.server"));

      assertThat(observer.names()).contains("db_host", "db_pass");
      assertThat(observer.names().toString()).doesNotContain("rotated");
    }
  }

  @Test
  void aCallInProgress_finishesOnTheOldInstance_whichIsDestroyedOnlyAfterIt() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try (WeldContainer weld = weld()) {
      SlowWorker worker = weld.select(SlowWorker.class).get();
      CountDownLatch inCall = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<String> slow = callers.submit(() -> worker.work(inCall, release));
      assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();

      engine.put(TABLE, "db_host", s("while.busy"));
      Await.until(() -> "while.busy".equals(worker.host()));
      assertThat(SlowWorker.destroyed).as("the old instance, while its call runs").hasValue(0);

      release.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("my.test.server (open)");
      Await.until(() -> SlowWorker.destroyed.get() == 1);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void manyCallersDuringManyChanges_neverSeeAHalfMadeOrDestroyedBean() throws Exception {
    int threads = 8;
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    try (WeldContainer weld = weld()) {
      SlowWorker worker = weld.select(SlowWorker.class).get();
      engine.put(TABLE, "db_host", s("server-0"));
      Await.until(() -> "server-0".equals(worker.host()));
      List<Future<Integer>> results = new ArrayList<>();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      for (int t = 0; t < threads; t++) {
        results.add(
            callers.submit(
                () -> {
                  int calls = 0;
                  while (System.nanoTime() < until) {
                    String answer = worker.quick();
                    assertThat(answer).startsWith("server-").endsWith("(open)");
                    calls++;
                  }
                  return calls;
                }));
      }
      for (int change = 1; System.nanoTime() < until; change++) {
        engine.put(TABLE, "db_host", s("server-" + change));
        Thread.sleep(120);
      }
      int calls = 0;
      for (Future<Integer> result : results) {
        calls += result.get(20, TimeUnit.SECONDS);
      }
      assertThat(calls).isGreaterThan(threads);
      assertThat(SlowWorker.made.get() - SlowWorker.destroyed.get()).isBetween(0, 1);
      assertThat(SlowWorker.made.get()).isGreaterThan(5);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aBeanOfSettingsOnly_costsNoInterceptor_andACallInProgressFinishesWithItsOwnValues()
      throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(1);
    try (WeldContainer weld = weld()) {
      SettingsOnly settings = weld.select(SettingsOnly.class).get();
      CountDownLatch inCall = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<String> slow = callers.submit(() -> settings.hostAfter(inCall, release));
      assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();

      engine.put(TABLE, "db_host", s("settings.changed"));
      Await.until(() -> "settings.changed".equals(settings.host()));
      release.countDown();

      assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("my.test.server");
      assertThat(instanceClass(weld, SettingsOnly.class))
          .as("nothing to close: no call counting interceptor")
          .isEqualTo(SettingsOnly.class);
      assertThat(instanceClass(weld, SlowWorker.class))
          .as("a PreDestroy method: calls counted")
          .isNotEqualTo(SlowWorker.class);
      assertThat(instanceClass(weld, PoolUser.class))
          .as("a dependent bean, destroyed with it: calls counted")
          .isNotEqualTo(PoolUser.class);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aDependentBeanOfARetiredInstance_isClosedOnlyAfterTheCallsInProgress() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(1);
    try (WeldContainer weld = weld()) {
      PoolUser user = weld.select(PoolUser.class).get();
      CountDownLatch inCall = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<String> slow = callers.submit(() -> user.borrow(inCall, release));
      assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();

      engine.put(TABLE, "db_host", s("pool.changed"));
      Await.until(() -> user.state().equals("pool.changed (open)"));
      assertThat(Pool.closed).as("the old pool, while its call runs").hasValue(0);

      release.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("my.test.server (open)");
      Await.until(() -> Pool.closed.get() == 1);
    } finally {
      callers.shutdownNow();
    }
  }

  private static Class<?> instanceClass(WeldContainer weld, Class<?> beanClass) {
    BeanManager manager = weld.getBeanManager();
    return instance(manager, manager.resolve(manager.getBeans(beanClass))).getClass();
  }

  private static <T> T instance(BeanManager manager, Bean<T> bean) {
    return manager.getContext(RefreshScoped.class).get(bean, manager.createCreationalContext(bean));
  }

  /** Injects two properties of the table. */
  @RefreshScoped
  static class HostClient {
    static final AtomicInteger made = new AtomicInteger();
    static final AtomicInteger destroyed = new AtomicInteger();

    @Inject
    @ConfigProperty(name = "db_host")
    String host;

    @Inject
    @ConfigProperty(name = "db_port")
    int port;

    @PostConstruct
    void made() {
      made.incrementAndGet();
    }

    @PreDestroy
    void destroyed() {
      destroyed.incrementAndGet();
    }

    String host() {
      return host;
    }

    int port() {
      return port;
    }
  }

  /** Injects a property that the tests do not change. */
  @RefreshScoped
  static class FlagReader {
    static final AtomicInteger made = new AtomicInteger();

    @Inject
    @ConfigProperty(name = "debug")
    boolean debug;

    @PostConstruct
    void made() {
      made.incrementAndGet();
    }

    boolean debug() {
      return debug;
    }
  }

  /** Reads through {@code Config}: which properties cannot be known. */
  @RefreshScoped
  static class WholeConfig {
    static final AtomicInteger made = new AtomicInteger();

    @Inject Config config;

    @PostConstruct
    void made() {
      made.incrementAndGet();
    }

    String value(String name) {
      return config.getOptionalValue(name, String.class).orElse(null);
    }
  }

  /** Keeps the value it got when it was made. */
  @ApplicationScoped
  static class Fixed {
    @Inject
    @ConfigProperty(name = "db_host")
    String host;

    String host() {
      return host;
    }
  }

  /** Observes every change, and what a refresh-scoped bean answers then. */
  @ApplicationScoped
  static class Observer {
    private final List<String> names = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();

    @Inject HostClient client;

    synchronized void changed(@Observes DynamoDbConfigChanged change) {
      names.addAll(change.names());
      if (change.touches("db_host")) {
        hosts.add(client.host());
      }
    }

    synchronized List<String> names() {
      return List.copyOf(names);
    }

    synchronized List<String> hostsSeen() {
      return List.copyOf(hosts);
    }
  }

  /** Holds settings only: nothing of it can be closed. */
  @RefreshScoped
  static class SettingsOnly {
    @Inject
    @ConfigProperty(name = "db_host")
    String host;

    String host() {
      return host;
    }

    String hostAfter(CountDownLatch inCall, CountDownLatch release) throws InterruptedException {
      inCall.countDown();
      release.await(20, TimeUnit.SECONDS);
      return host;
    }
  }

  /** A dependent object closed with the bean that injects it. */
  @Dependent
  static class Pool {
    static final AtomicInteger closed = new AtomicInteger();
    private volatile boolean open = true;

    @PreDestroy
    void close() {
      open = false;
      closed.incrementAndGet();
    }

    String state() {
      return open ? "(open)" : "(closed)";
    }
  }

  /** Uses a dependent pool and no PreDestroy of its own. */
  @RefreshScoped
  static class PoolUser {
    @Inject
    @ConfigProperty(name = "db_host")
    String host;

    @Inject Pool pool;

    String borrow(CountDownLatch inCall, CountDownLatch release) throws InterruptedException {
      inCall.countDown();
      release.await(20, TimeUnit.SECONDS);
      return state();
    }

    String state() {
      return host + " " + pool.state();
    }
  }

  /** Closes on destroy: a call on a closed instance would answer "(closed)". */
  @RefreshScoped
  static class SlowWorker {
    static final AtomicInteger made = new AtomicInteger();
    static final AtomicInteger destroyed = new AtomicInteger();

    @Inject
    @ConfigProperty(name = "db_host")
    String host;

    private volatile boolean closed;

    @PostConstruct
    void made() {
      made.incrementAndGet();
    }

    @PreDestroy
    void close() {
      closed = true;
      destroyed.incrementAndGet();
    }

    String host() {
      return host;
    }

    String work(CountDownLatch inCall, CountDownLatch release) throws InterruptedException {
      String before = host + (closed ? " (closed)" : " (open)");
      inCall.countDown();
      release.await(20, TimeUnit.SECONDS);
      return closed ? host + " (closed)" : before;
    }

    String quick() {
      Thread.yield();
      return host + (closed ? " (closed)" : " (open)");
    }
  }
}
