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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The change listeners of one source: registers them, and tells each of them about a change its
 * source published.
 */
final class ChangeListeners {

  private final TableTarget target; // null for a source without a table
  private final Duration timeBox;
  private final List<ListenerDelivery> deliveries = new CopyOnWriteArrayList<>();

  ChangeListeners(TableTarget target) {
    this(target, ListenerDelivery.TIME_BOX);
  }

  /** Listeners whose calls are logged when they run longer than {@code timeBox}. */
  ChangeListeners(TableTarget target, Duration timeBox) {
    this.target = target;
    this.timeBox = timeBox;
  }

  /** The listeners of a source without a table: they are registered, and never called. */
  static ChangeListeners none() {
    return new ChangeListeners(null, ListenerDelivery.TIME_BOX);
  }

  /** Registers {@code listener}, to be called on {@code executor}. */
  DynamoDbConfigListener.Registration add(DynamoDbConfigListener listener, Executor executor) {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(executor, "executor");
    ListenerDelivery[] registered = new ListenerDelivery[1];
    registered[0] =
        new ListenerDelivery(
            listener,
            executor,
            target == null ? "no table" : target.describe(),
            timeBox,
            () -> deliveries.remove(registered[0]));
    deliveries.add(registered[0]);
    return registered[0];
  }

  /** Tells every listener that the source now serves {@code fresh}, which made {@code changes}. */
  void publish(Snapshot.Changes changes, Snapshot fresh) {
    if (deliveries.isEmpty()) {
      return;
    }
    DynamoDbConfigChanged change =
        new DynamoDbConfigChanged(
            target.table(),
            target.role(),
            changes.added(),
            changes.changed(),
            changes.removed(),
            fresh.version(),
            Instant.now());
    for (ListenerDelivery delivery : deliveries) {
      delivery.offer(change);
    }
  }
}
