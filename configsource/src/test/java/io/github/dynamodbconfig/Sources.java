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

import java.util.function.Function;

/** Registered sources built from given settings, as the no-arg constructor builds its own. */
final class Sources {

  private Sources() {}

  /** The registered source of {@code settings}, its table found on EC2 when they name none. */
  static DynamoDbConfigSource create(Settings settings) {
    return create(settings, RoleResolver::onEc2);
  }

  /**
   * The registered source of {@code settings}, {@code fromEc2} finding a table they do not name.
   */
  static DynamoDbConfigSource create(Settings settings, Function<Settings, Resolution> fromEc2) {
    return new DynamoDbConfigSource(SourceFactory.registered(settings, fromEc2));
  }
}
