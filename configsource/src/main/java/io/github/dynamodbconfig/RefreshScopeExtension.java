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

import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.MetaAnnotations;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The library's CDI build compatible extension, which every CDI container of the supported runtimes
 * runs (Weld when it starts, Quarkus's ArC when it builds the application): it adds the scope
 * {@link RefreshScoped} with its context, counts the calls of its beans, and reads from each such
 * bean's injection points which properties it injects, for the context to know which beans a change
 * makes stale. Made by the container; not for applications to use.
 */
public class RefreshScopeExtension implements BuildCompatibleExtension {

  private final Map<String, Set<String>> keysByClass = new TreeMap<>();

  /** Made by the CDI container. */
  public RefreshScopeExtension() {}

  /**
   * Adds the scope and its context.
   *
   * @param meta where scopes are added
   */
  @Discovery
  public void addScope(MetaAnnotations meta) {
    meta.addContext(RefreshScoped.class, RefreshScopeContext.class);
  }

  /**
   * Binds the call counting interceptor to each refresh-scoped class whose instance's destroy could
   * close what a call uses.
   *
   * @param type a class with {@link RefreshScoped} on it or on a member
   */
  @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = RefreshScoped.class)
  public void countCalls(ClassConfig type) {
    if (type.info().hasAnnotation(RefreshScoped.class) && CallCounting.needed(type.info())) {
      type.addAnnotation(RefreshCallCounted.class);
    }
  }

  /**
   * Notes which properties a refresh-scoped bean injects; a producer's could be any.
   *
   * @param bean a bean of the application
   */
  @Registration(types = Object.class)
  public void readKeys(BeanInfo bean) {
    if (bean.scope() == null || !RefreshScoped.class.getName().equals(bean.scope().name())) {
      return;
    }
    String beanClass = bean.declaringClass().name();
    Set<String> keys = keysByClass.computeIfAbsent(beanClass, type -> new TreeSet<>());
    if (!bean.isClassBean()) {
      keys.add(RefreshKeys.ANY);
      return;
    }
    for (InjectionPointInfo point : bean.injectionPoints()) {
      keys.addAll(InjectedKeys.of(point, beanClass));
    }
  }

  /**
   * Hands what was read to the application, as a bean.
   *
   * @param components where beans are added
   */
  @Synthesis
  public void carryKeys(SyntheticComponents components) {
    components
        .addBean(RefreshKeys.class)
        .type(RefreshKeys.class)
        .scope(Singleton.class)
        .withParam(RefreshKeysCreator.KEYS, RefreshKeys.of(keysByClass).encoded())
        .createWith(RefreshKeysCreator.class);
  }
}
