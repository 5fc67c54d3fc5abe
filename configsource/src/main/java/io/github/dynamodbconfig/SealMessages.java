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

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

/**
 * The lines of opening a table's sealed values: a keyring that cannot be read, a data key that KMS
 * does not open, and the KMS module missing from the class path. They name the table, the data
 * key's id, the KMS key and the encryption context, never a value or a key's bytes.
 */
final class SealMessages {

  static final LibraryMessage BAD_KEYRING =
      new LibraryMessage(
          351, ERROR, "The keyring item '{key}' of DynamoDB {table} cannot be read: {problem}");

  static final LibraryMessage KMS_DENIED =
      new LibraryMessage(
          352,
          ERROR,
          "KMS refused to open data key {id} of DynamoDB {table}: the credentials need the IAM"
              + " action kms:Decrypt on {keyArn} for the encryption context {context} ({cause})");

  static final LibraryMessage KEY_UNUSABLE =
      new LibraryMessage(
          353,
          ERROR,
          "KMS cannot open data key {id} of DynamoDB {table}: KMS key {keyArn} {state} ({cause})");

  static final LibraryMessage WRONG_CONTEXT =
      new LibraryMessage(
          354,
          ERROR,
          "KMS cannot open data key {id} of DynamoDB {table} with KMS key {keyArn} and the"
              + " encryption context {context}: the keyring item was altered, or copied from"
              + " another table ({cause})");

  static final LibraryMessage KMS_FAILED =
      new LibraryMessage(
          355, ERROR, "Opening data key {id} of DynamoDB {table} with KMS failed: {cause}");

  static final LibraryMessage NO_KMS_MODULE =
      new LibraryMessage(
          356,
          ERROR,
          "DynamoDB {table} holds sealed values, which need the AWS SDK module"
              + " software.amazon.awssdk:kms on the class path, of the same version as"
              + " software.amazon.awssdk:dynamodb");

  static final LibraryMessage KMS_DENIED_GENERATE =
      new LibraryMessage(
          358,
          ERROR,
          "KMS refused to make a data key for DynamoDB {table}: the credentials need the IAM"
              + " action kms:GenerateDataKey on {kmsKey} for the encryption context {context}"
              + " ({cause})");

  static final LibraryMessage KMS_GENERATE_FAILED =
      new LibraryMessage(
          359, ERROR, "KMS could not make a data key for DynamoDB {table} with {kmsKey}: {cause}");

  static final LibraryMessage NOT_OPENED =
      new LibraryMessage(
          360, ERROR, "The value of {key} in DynamoDB {table} cannot be read: {why}");

  static final LibraryMessage PLAINTEXT_SECRETS =
      new LibraryMessage(
          361,
          WARNING,
          "DynamoDB {table} has a keyring, yet {count} in plain text: {keys}; seal them with"
              + " dynamodb-config seal, or set {setting}=fail to refuse them");

  static final LibraryMessage PLAINTEXT_SECRETS_AGAIN =
      new LibraryMessage(362, DEBUG, "DynamoDB {table} still holds secrets in plain text: {keys}");

  static final LibraryMessage PLAINTEXT_SECRETS_REFUSED =
      new LibraryMessage(
          363,
          ERROR,
          "DynamoDB {table} has a keyring, yet {count} in plain text: {keys}; seal them with"
              + " dynamodb-config seal, or set {setting}=warn while they are being sealed");

  static final LibraryMessage KMS_DENIED_REWRAP =
      new LibraryMessage(
          364,
          ERROR,
          "KMS refused to wrap data key {id} of DynamoDB {table} with {kmsKey}: the credentials"
              + " need the IAM actions kms:ReEncryptFrom on {keyArn} and kms:ReEncryptTo on"
              + " {kmsKey}, for the encryption context {context} ({cause})");

  static final LibraryMessage KMS_REWRAP_FAILED =
      new LibraryMessage(
          365,
          ERROR,
          "KMS could not wrap data key {id} of DynamoDB {table} with {kmsKey}: {cause}");

  private SealMessages() {}
}
