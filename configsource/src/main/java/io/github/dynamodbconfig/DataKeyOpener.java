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

/** Opens a table's wrapped data keys, one at a time; made only when a table needs one. */
interface DataKeyOpener extends AutoCloseable {

  /**
   * The plain bytes of {@code key}, within {@code time}.
   *
   * @throws DynamoDbConfigException naming the key, the KMS key and the context when KMS refuses
   */
  byte[] open(Keyring.WrappedKey key, Duration time);

  @Override
  void close();
}
