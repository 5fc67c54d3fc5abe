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
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/** The lines of the snapshot file: a write that failed, writes working again, a start from it. */
final class SnapshotFileMessages {

  static final LibraryMessage WRITE_FAILED =
      new LibraryMessage(
          701,
          WARNING,
          "Cannot write the snapshot file {path} of {setting} for DynamoDB {table}: {cause}");

  static final LibraryMessage WRITE_FAILED_AGAIN =
      new LibraryMessage(
          702,
          DEBUG,
          "Cannot write the snapshot file {path} of {setting} for DynamoDB {table} (again):"
              + " {cause}");

  static final LibraryMessage WRITTEN_AGAIN =
      new LibraryMessage(703, INFO, "Wrote the snapshot file {path} again after {failures}");

  static final LibraryMessage READ_FAILED =
      new LibraryMessage(
          704, WARNING, "Cannot read the snapshot file {path} of {setting}: {cause}");

  static final LibraryMessage STARTED_FROM_FILE =
      new LibraryMessage(
          705,
          WARNING,
          "{failure}; starting from the snapshot file {path} saved {age} ago ({properties},"
              + " {setting}={maxAge})");

  private SnapshotFileMessages() {}
}
