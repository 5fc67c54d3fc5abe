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

import java.util.Arrays;

/**
 * Each request the library and its tools send to a table: its IAM action, which a denied request
 * names, and the words that failure messages use for it.
 */
enum TableAction {
  /** The source's load of a whole table. */
  LOAD_SCAN("dynamodb:Scan", "Loading", "load", "read"),
  /** The source's load of declared keys. */
  LOAD_BATCH_GET_ITEM("dynamodb:BatchGetItem", "Loading", "load", "read"),
  /** One item, such as the change stamp. */
  GET_ITEM("dynamodb:GetItem", "Reading", "read", "read"),
  PUT_ITEM("dynamodb:PutItem", "Writing to", "write to", "write to"),
  UPDATE_ITEM("dynamodb:UpdateItem", "Writing to", "write to", "write to"),
  BATCH_WRITE_ITEM("dynamodb:BatchWriteItem", "Writing to", "write to", "write to"),
  DELETE_ITEM("dynamodb:DeleteItem", "Deleting from", "delete from", "delete from"),
  DESCRIBE_TABLE("dynamodb:DescribeTable", "Describing", "describe", "describe"),
  CREATE_TABLE("dynamodb:CreateTable", "Creating", "create", "create");

  private final String iamAction;
  private final String gerund;
  private final String verb;
  private final String access;

  /**
   * @param iamAction e.g. {@code dynamodb:Scan}
   * @param gerund starts a message, e.g. {@code Loading}
   * @param verb after "Cannot", e.g. {@code load}
   * @param access after "No AWS credentials to", e.g. {@code read}
   */
  TableAction(String iamAction, String gerund, String verb, String access) {
    this.iamAction = iamAction;
    this.gerund = gerund;
    this.verb = verb;
    this.access = access;
  }

  /** The source's load with {@code settings}: a Scan, or BatchGetItem for declared keys. */
  static TableAction load(Settings settings) {
    return settings.keys().isEmpty() ? LOAD_SCAN : LOAD_BATCH_GET_ITEM;
  }

  /**
   * The action of IAM name {@code iamAction}.
   *
   * @throws IllegalArgumentException when no request of the library has that action
   */
  static TableAction of(String iamAction) {
    return Arrays.stream(values())
        .filter(action -> action.iamAction.equals(iamAction))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a table request: " + iamAction));
  }

  String iamAction() {
    return iamAction;
  }

  String gerund() {
    return gerund;
  }

  String verb() {
    return verb;
  }

  String access() {
    return access;
  }
}
