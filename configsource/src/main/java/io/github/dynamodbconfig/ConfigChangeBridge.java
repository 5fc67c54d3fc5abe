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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.spi.BeanContainer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The library's bean in each CDI application, one per container: once the application has started
 * it reports the table values another source overrides, and listens to the changes of the
 * application's own {@code Config}. For each change, on the listener thread with the application's
 * class loader, it retires the {@link RefreshScoped} beans that inject a changed property, then
 * fires the change as a {@link DynamoDbConfigChanged} event to the application's observers, in a
 * request context. As the application stops it ends all that and closes the application's DynamoDB
 * sources.
 */
@Singleton
class ConfigChangeBridge {

  private final BeanContainer container;
  private final Event<DynamoDbConfigChanged> events;
  private final RefreshKeys keys;
  private final RequestContextController requests;

  private List<DynamoDbConfigSource> sources = List.of(); // guarded by this
  private DynamoDbConfigListener.Registration registration; // guarded by this
  private RefreshScopeContext context; // guarded by this
  private boolean stopped; // guarded by this

  @Inject
  ConfigChangeBridge(
      BeanContainer container,
      Event<DynamoDbConfigChanged> events,
      RefreshKeys keys,
      RequestContextController requests) {
    this.container = container;
    this.events = events;
    this.keys = keys;
    this.requests = requests;
  }

  void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
    start();
  }

  void started(@Observes Startup started) {
    start();
  }

  /**
   * Starts once, at the first of the two start-up events: the application context's, which Weld
   * fires, or the CDI {@code Startup} event, which Quarkus fires once its run-time configuration is
   * there (its application context starts during static init, before that configuration).
   */
  private synchronized void start() {
    if (registration != null || stopped || QuarkusPhase.beforeRuntime().isPresent()) {
      return;
    }
    ClassLoader application = Thread.currentThread().getContextClassLoader();
    Config config = ConfigProvider.getConfig(application);
    sources = DynamoDbConfigSource.in(config);
    OverrideReport.log(config);
    context = RefreshScopeContext.in(container);
    context.start(keys, inLoader(application));
    ExtensionMessages.log(ExtensionMessages.KEYS, keys);
    registration =
        DynamoDbConfigSource.addChangeListener(config, new Delivery(application, context));
  }

  void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    stop();
  }

  void stopping(@Observes Shutdown stopping) {
    stop();
  }

  /** Stops once, at the first of the two shut-down events. */
  private synchronized void stop() {
    if (stopped) {
      return;
    }
    if (registration != null) {
      registration.close();
    }
    if (context != null) {
      context.retireAll();
    }
    sources.forEach(DynamoDbConfigSource::close);
    sources = List.of();
    registration = null;
    stopped = true;
  }

  /** Runs tasks on the library's listener threads, with {@code loader} as their class loader. */
  private static Executor inLoader(ClassLoader loader) {
    return task -> ListenerThreads.shared().execute(() -> runIn(loader, task));
  }

  private static void runIn(ClassLoader loader, Runnable task) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      task.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Tells the application's beans about a change: retires stale instances, then fires it. */
  private final class Delivery implements DynamoDbConfigListener {

    private final ClassLoader application;
    private final RefreshScopeContext context;

    Delivery(ClassLoader application, RefreshScopeContext context) {
      this.application = application;
      this.context = context;
    }

    @Override
    public void onChange(DynamoDbConfigChanged change) {
      runIn(application, () -> deliver(change));
    }

    private void deliver(DynamoDbConfigChanged change) {
      List<String> retired = context.refresh(change);
      if (!retired.isEmpty()) {
        ExtensionMessages.log(
            ExtensionMessages.RETIRED,
            MessageText.count(retired.size(), "refresh-scoped bean", "refresh-scoped beans"),
            MessageText.quoted(change.table()),
            String.join(", ", retired));
      }
      boolean activated = requests.activate();
      try {
        events.fire(change);
      } finally {
        if (activated) {
          requests.deactivate();
        }
      }
    }
  }
}
