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
 * The failures of a request on a table, as {@link LoadFailures} words them; each is thrown. {@code
 * {where}} is {@code DynamoDB table 'name' in region r} (with the role when there is one).
 */
final class FailureMessages {

  static final LibraryMessage INTERRUPTED =
      new LibraryMessage(401, ERROR, "{Doing} {where} was interrupted");

  static final LibraryMessage TIMED_OUT =
      new LibraryMessage(
          402, ERROR, "{Doing} {where} did not finish within {setting}={timeout}: {cause}");

  static final LibraryMessage NO_CREDENTIALS =
      new LibraryMessage(
          403,
          ERROR,
          "No AWS credentials to {access} {where}: the AWS SDK's default chain found none (system"
              + " properties aws.accessKeyId and aws.secretAccessKey, environment variables"
              + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, web identity token, the AWS profile"
              + " files, a container or EC2 instance role)");

  static final LibraryMessage UNREACHABLE =
      new LibraryMessage(
          404,
          ERROR,
          "Cannot reach DynamoDB for {table} in region {region}: {what}{unknownRegion} ({cause})");

  static final LibraryMessage NOT_FOUND =
      new LibraryMessage(405, ERROR, "{where} was not found: {cause}");

  static final LibraryMessage ACCESS_DENIED =
      new LibraryMessage(
          406,
          ERROR,
          "Access to {where} was denied: the credentials need the IAM action {action} on"
              + " arn:{partition}:dynamodb:{region}:<account>:table/{table} ({cause})");

  static final LibraryMessage FAILED =
      new LibraryMessage(407, ERROR, "Cannot {do} {where}: {cause}");

  static final LibraryMessage NO_CLIENT =
      new LibraryMessage(
          408,
          ERROR,
          "Cannot create the {service} client for {purpose}: {cause} Set {setting} (or AWS_REGION),"
              + " and credentials through the AWS SDK's default chain");

  private FailureMessages() {}
}
