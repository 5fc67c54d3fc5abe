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

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that call change listeners registered without an executor of their own: as many as
 * listeners are busy at once (one listener never runs on two), each ending after {@link
 * RequestTimer#IDLE} without work, so none is left between changes.
 */
final class ListenerThreads {

  /** The name of the listener threads, with a number. */
  static final String THREAD_NAME = "dynamodb-config-listener";

  private static final Executor SHARED = create();

  private ListenerThreads() {}

  /** The executor; never shut down. */
  static Executor shared() {
    return SHARED;
  }

  private static Executor create() {
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        RequestTimer.IDLE.toMillis(),
        TimeUnit.MILLISECONDS,
        new SynchronousQueue<>(),
        DaemonThreads.numbered(THREAD_NAME));
  }
}
