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

import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanContainer;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The context of {@link RefreshScoped}: one instance of each bean, made at its first call, until a
 * change of a property it injects retires it. Made by the CDI container, once per application; not
 * for applications to use.
 */
public class RefreshScopeContext implements AlterableContext {

  /** How long a destroyed instance stays known, so that a late call on it is sent on. */
  private static final Duration FORGET_DESTROYED_AFTER = Duration.ofMinutes(1);

  private final Map<Contextual<?>, Slot> slots = new ConcurrentHashMap<>();
  private final Map<Object, RefreshedInstance<?>> byInstance =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<Contextual<?>, Set<String>> reported = new ConcurrentHashMap<>();
  private volatile RefreshKeys keys = RefreshKeys.UNKNOWN;
  private volatile Executor laterDestroys = Runnable::run;

  /** Made by the CDI container. */
  public RefreshScopeContext() {}

  /** The bean's current instance, or none: one slot per bean. */
  private static final class Slot {
    volatile RefreshedInstance<?> current; // written under the slot's lock
  }

  @Override
  public Class<? extends Annotation> getScope() {
    return RefreshScoped.class;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(Contextual<T> bean, CreationalContext<T> creation) {
    Slot slot = slots.computeIfAbsent(bean, b -> new Slot());
    RefreshedInstance<?> current = slot.current;
    if (current != null) {
      return (T) current.instance();
    }
    if (creation == null) {
      return null;
    }
    synchronized (slot) {
      current = slot.current;
      if (current == null) {
        T made = bean.create(creation);
        RefreshedInstance<T> instance = new RefreshedInstance<>(bean, made, creation);
        byInstance.put(made, instance);
        slot.current = instance; // published only once fully made
        current = instance;
      }
      return (T) current.instance();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(Contextual<T> bean) {
    Slot slot = slots.get(bean);
    RefreshedInstance<?> current = slot == null ? null : slot.current;
    return current == null ? null : (T) current.instance();
  }

  /** The context of {@link RefreshScoped} in {@code container}. */
  static RefreshScopeContext in(BeanContainer container) {
    Context context = container.getContext(RefreshScoped.class);
    if (context instanceof RefreshScopeContext ours) {
      return ours;
    }
    throw new IllegalStateException(
        ExtensionMessages.FOREIGN_CONTEXT.format(context.getClass().getName()));
  }

  /** Always active. */
  @Override
  public boolean isActive() {
    return true;
  }

  /** Retires the bean's current instance, destroyed once no call is in progress on it. */
  @Override
  public void destroy(Contextual<?> bean) {
    Slot slot = slots.get(bean);
    if (slot != null) {
      retire(slot);
    }
  }

  /**
   * Starts serving an application: {@code keys} say which bean injects what, and an instance whose
   * last call ends after it was retired is destroyed on {@code laterDestroys}.
   */
  void start(RefreshKeys keys, Executor laterDestroys) {
    this.keys = keys;
    this.laterDestroys = laterDestroys;
  }

  /**
   * Retires the instances of the beans that inject a property of {@code change}; the names of their
   * classes.
   */
  List<String> refresh(DynamoDbConfigChanged change) {
    List<String> retired = new ArrayList<>();
    slots.forEach(
        (bean, slot) -> {
          // No look at the slot before its lock: an instance being made now is retired too.
          if (keys.affects(beanClass(bean), reportedKeys(bean), change) && retire(slot)) {
            retired.add(String.valueOf(beanClass(bean)));
          }
        });
    Collections.sort(retired);
    return retired;
  }

  /** Retires every instance, as the application stops. */
  void retireAll() {
    slots.values().forEach(this::retire);
  }

  /** The refresh-scoped instance {@code instance} of this context, or null. */
  RefreshedInstance<?> instanceOf(Object instance) {
    return byInstance.get(instance);
  }

  /** The last call of a retired instance ended: destroys it, on the executor of later destroys. */
  void lastCallEnded(RefreshedInstance<?> instance) {
    laterDestroys.execute(() -> destroy(instance));
  }

  private boolean retire(Slot slot) {
    RefreshedInstance<?> old;
    synchronized (slot) {
      old = slot.current;
      slot.current = null;
    }
    if (old == null) {
      return false;
    }
    if (old.retire()) {
      destroy(old);
    }
    return true;
  }

  private void destroy(RefreshedInstance<?> instance) {
    // Kept known a while: a call that got the instance from the proxy just before it was
    // destroyed must find it refused, and go on to the new one, not run on it.
    RequestTimer.shared()
        .schedule(
            () -> byInstance.remove(instance.instance()),
            FORGET_DESTROYED_AFTER.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      instance.destroy();
    } catch (RuntimeException e) {
      ExtensionMessages.log(
          ExtensionMessages.DESTROY_FAILED, beanClass(instance.bean()), e.getClass().getName());
    }
  }

  /** What the container reports {@code bean} injects, read once per bean. */
  private Set<String> reportedKeys(Contextual<?> bean) {
    return reported.computeIfAbsent(
        bean, b -> b instanceof Bean<?> described ? InjectedKeys.of(described) : Set.of());
  }

  private static String beanClass(Contextual<?> bean) {
    return bean instanceof Bean<?> described ? described.getBeanClass().getName() : null;
  }
}
