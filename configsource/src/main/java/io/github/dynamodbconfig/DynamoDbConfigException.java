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

import java.io.Serial;

/**
 * The one exception the DynamoDB config source throws: a bad setting, a table that cannot be found
 * or read, an invalid item. Its message names the setting, role, table, region or key concerned,
 * and never a property value.
 */
public final class DynamoDbConfigException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  DynamoDbConfigException(String message) {
    super(message);
  }

  DynamoDbConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
