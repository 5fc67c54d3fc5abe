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
 * Told when a DynamoDB source published a change, after the source serves the new values: register
 * one with {@link DynamoDbConfigSource#addChangeListener(DynamoDbConfigListener)} for one table, or
 * with {@link DynamoDbConfigSource#addChangeListener(org.eclipse.microprofile.config.Config,
 * DynamoDbConfigListener)} for every DynamoDB table of a {@code Config}. Only a source that
 * refreshes ({@code dynamodb.config.refresh-interval}) publishes changes.
 *
 * <p>A listener is called on one of the library's listener threads (or on the executor it was
 * registered with), one change at a time, never on the refresh thread: a listener that throws or
 * takes long never stops or delays refreshing. The library logs a listener that throws, or that has
 * not returned within 10 seconds, at WARNING once per streak; the changes published while it was
 * busy reach it as one when it returns.
 */
@FunctionalInterface
public interface DynamoDbConfigListener {

  /**
   * Called with a change that the source published.
   *
   * @param change the table, and the names of the properties added, changed and removed
   */
  void onChange(DynamoDbConfigChanged change);

  /** A listener's registration: {@link #close()} ends it. */
  interface Registration extends AutoCloseable {

    /**
     * Ends the registration: the listener gets no further change. A call in progress finishes;
     * closing again does nothing.
     */
    @Override
    void close();
  }
}
