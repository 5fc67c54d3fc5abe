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

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread the library starts: a daemon (it never keeps a JVM alive), named {@code
 * dynamodb-config-...}, with the library's own class loader as its context class loader (never an
 * application's, which the thread would keep alive after an undeploy).
 */
final class DaemonThreads implements ThreadFactory {

  private static final ClassLoader LIBRARY_LOADER = DaemonThreads.class.getClassLoader();

  private final String name;
  private final boolean numbered;
  private final AtomicInteger count = new AtomicInteger();

  private DaemonThreads(String name, boolean numbered) {
    this.name = name;
    this.numbered = numbered;
  }

  /** Threads all named {@code name}. */
  static DaemonThreads named(String name) {
    return new DaemonThreads(name, false);
  }

  /** Threads named {@code name-1}, {@code name-2}, ... */
  static DaemonThreads numbered(String name) {
    return new DaemonThreads(name, true);
  }

  /** A started thread of this factory that runs {@code task}. */
  Thread start(Runnable task) {
    Thread thread = newThread(task);
    thread.start();
    return thread;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, numbered ? name + "-" + count.incrementAndGet() : name);
    thread.setDaemon(true);
    thread.setContextClassLoader(LIBRARY_LOADER);
    return thread;
  }
}
