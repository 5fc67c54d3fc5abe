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

/**
 * Holds a source's current snapshot. The source reads it on every lookup; a refresher replaces it
 * whole. A volatile field rather than an {@code AtomicReference}, so that a lookup follows one
 * reference less.
 */
final class ServedSnapshot {

  private volatile Snapshot current;

  ServedSnapshot(Snapshot initial) {
    this.current = initial;
  }

  Snapshot get() {
    return current;
  }

  /** Replaces the snapshot with {@code next}; returns the one it replaced. One writer at a time. */
  Snapshot swap(Snapshot next) {
    Snapshot previous = current;
    current = next;
    return previous;
  }
}
