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

/**
 * One instance of a refresh-scoped bean, with the calls in progress on it: once retired (a change
 * made the bean stale), it is destroyed as soon as no call is in progress, and a call that arrives
 * after that is refused, so that the caller can send it to the new instance.
 */
final class RefreshedInstance<T> {

  private final Contextual<T> bean;
  private final T instance;
  private final CreationalContext<T> creation;

  private int calls; // guarded by this
  private boolean retired; // guarded by this
  private boolean destroyed; // guarded by this

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
  synchronized boolean enter() {
    if (destroyed) {
      return false;
    }
    calls++;
    return true;
  }

  /** Counts a call that ended; true when it was the last on a retired instance: destroy it now. */
  synchronized boolean exit() {
    calls--;
    return retired && calls == 0 && markDestroyed();
  }

  /** Retires the instance; true when no call is in progress: destroy it now. */
  synchronized boolean retire() {
    retired = true;
    return calls == 0 && markDestroyed();
  }

  private boolean markDestroyed() {
    if (destroyed) {
      return false;
    }
    destroyed = true;
    return true;
  }

  /** Destroys the instance: its {@code PreDestroy} method runs, and its dependents are released. */
  void destroy() {
    bean.destroy(instance, creation);
  }
}
