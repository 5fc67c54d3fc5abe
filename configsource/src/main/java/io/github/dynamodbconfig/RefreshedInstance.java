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

import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance of a refresh-scoped bean, with the calls in progress on it: once retired (a change
 * made the bean stale), it is destroyed as soon as no call is in progress, and a call that arrives
 * after that is refused, so that the caller can send it to the new instance.
 */
final class RefreshedInstance<T> {

  private final Contextual<T> bean;
  private final T instance;
  private final CreationalContext<T> creation;

  /** The calls in progress, with {@link #RETIRED} and {@link #DESTROYED} as two high bits. */
  private final AtomicInteger state = new AtomicInteger();

  private static final int RETIRED = 1 << 30;
  private static final int DESTROYED = 1 << 29;
  private static final int CALLS = DESTROYED - 1;

  RefreshedInstance(Contextual<T> bean, T instance, CreationalContext<T> creation) {
    this.bean = bean;
    this.instance = instance;
    this.creation = creation;
  }

  Contextual<T> bean() {
    return bean;
  }

  T instance() {
    return instance;
  }

  /** Counts a call that starts; false when the instance was destroyed (the call must go on). */
  boolean enter() {
    while (true) {
      int now = state.get();
      if ((now & DESTROYED) != 0) {
        return false;
      }
      if (state.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Counts a call that ended; true when it was the last on a retired instance: destroy it now. */
  boolean exit() {
    return state.decrementAndGet() == RETIRED && state.compareAndSet(RETIRED, RETIRED | DESTROYED);
  }

  /** Retires the instance; true when no call is in progress: destroy it now. */
  boolean retire() {
    int before = state.getAndUpdate(now -> now | RETIRED);
    return (before & (RETIRED | CALLS)) == 0 && state.compareAndSet(RETIRED, RETIRED | DESTROYED);
  }

  /** Destroys the instance: its {@code PreDestroy} method runs, and its dependents are released. */
  void destroy() {
    bean.destroy(instance, creation);
  }
}
