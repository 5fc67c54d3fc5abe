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

import static java.lang.System.Logger.Level.ERROR;

/**
 * The failures of reading the Secrets Manager secrets that a table's items reference. They name the
 * secret, the item and the IAM action, never a value.
 */
final class SecretMessages {

  static final LibraryMessage NOT_READ =
      new LibraryMessage(
          371,
          ERROR,
          "Secrets Manager did not give secret {secret} of item {key} of DynamoDB {table}:"
              + " {code} ({cause}); the credentials need secretsmanager:GetSecretValue (and"
              + " secretsmanager:BatchGetSecretValue) on it");

  static final LibraryMessage FAILED =
      new LibraryMessage(
          372,
          ERROR,
          "Reading the secrets of DynamoDB {table} from Secrets Manager failed: {cause}");

  static final LibraryMessage NO_MODULE =
      new LibraryMessage(
          373,
          ERROR,
          "DynamoDB {table} references Secrets Manager secrets, which need the AWS SDK module"
              + " software.amazon.awssdk:secretsmanager on the class path, of the same version as"
              + " software.amazon.awssdk:dynamodb");

  private SecretMessages() {}
}
