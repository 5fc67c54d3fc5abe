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
 * or read, an invalid item. Its message starts with the id of the failure, e.g. {@code
 * DDBCFG-0406}, listed in the project's docs, then names the setting, role, table, region or key
 * concerned, and never a property value.
 */
public final class DynamoDbConfigException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  /** The message without its id. */
  private final String detail;

  DynamoDbConfigException(String id, String detail, Throwable cause) {
    super(id + " " + detail, cause);
    this.detail = detail;
  }

  /** The message without its id, for a message that quotes this failure among others. */
  String detail() {
    return detail;
  }
}
