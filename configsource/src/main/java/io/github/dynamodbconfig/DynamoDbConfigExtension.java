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

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The library's CDI portable extension, registered through {@code
 * META-INF/services/jakarta.enterprise.inject.spi.Extension}: only a CDI container loads it, so the
 * library works without the CDI API on the class path. Containers that run portable extensions
 * (Weld: Java SE, WildFly, Open Liberty, Payara, Helidon MP) run it; Quarkus runs {@link
 * DynamoDbConfigBeans} instead.
 *
 * <p>It makes sure that the library's beans are part of the application, whether or not the
 * container found them in the library's jar (it finds them in {@code WEB-INF/lib} of a web
 * application, not in a server's shared library or on a Java SE class path): {@link
 * ConfigChangeBridge}, which reports overridden values, delivers changes to the application's beans
 * and closes its DynamoDB sources when it stops, and {@link RefreshCallInterceptor}. The scope
 * {@link RefreshScoped} itself comes from {@link RefreshScopeExtension}.
 */
public final class DynamoDbConfigExtension implements Extension {

  /** The library's bean classes, each added unless the container discovered it. */
  static final List<Class<?>> BEAN_CLASSES =
      List.of(ConfigChangeBridge.class, RefreshCallInterceptor.class);

  private final Set<Class<?>> discovered = new HashSet<>();

  /** Created by the CDI container. */
  public DynamoDbConfigExtension() {}

  void discoveredBridge(@Observes ProcessAnnotatedType<ConfigChangeBridge> type) {
    discovered.add(type.getAnnotatedType().getJavaClass());
  }

  void discoveredInterceptor(@Observes ProcessAnnotatedType<RefreshCallInterceptor> type) {
    discovered.add(type.getAnnotatedType().getJavaClass());
  }

  void addUndiscovered(@Observes AfterTypeDiscovery event, BeanManager beans) {
    for (Class<?> type : BEAN_CLASSES) {
      if (!discovered.contains(type)) {
        event.addAnnotatedType(beans.createAnnotatedType(type), type.getName());
        if (type == RefreshCallInterceptor.class) {
          // Enabled interceptors were listed before this event: the first of them runs outermost.
          event.getInterceptors().add(0, type);
        }
      }
    }
  }
}
