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
 * One way to load a table again, for the {@link Refresher}, which knows nothing else of the table:
 * it owns what it needs for that (a DynamoDB client) and releases it on close.
 */
interface Reload extends AutoCloseable {

  /**
   * The table's snapshot now.
   *
   * @throws RuntimeException when the load failed; its message says why, never with a value
   */
  Snapshot reload();

  /** Releases what the reloads used; called once, when no reload runs. */
  @Override
  void close();
}
