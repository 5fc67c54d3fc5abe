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

/** The failures of reading the library's own settings; each is thrown. */
final class SettingsMessages {

  static final LibraryMessage INVALID =
      new LibraryMessage(101, ERROR, "Invalid setting {setting}='{value}': expected {accepted}");

  static final LibraryMessage INVALID_ROLE_TABLE =
      new LibraryMessage(
          102,
          ERROR,
          "Table name {table} made from role {role} with {setting}={template} is not a valid"
              + " DynamoDB table name ({rule})");

  static final LibraryMessage UNREADABLE_FILE =
      new LibraryMessage(103, ERROR, "Cannot read the settings in {file}: {cause}");

  static final LibraryMessage NO_TABLE_GIVEN =
      new LibraryMessage(104, ERROR, "No table given: set {tableSetting} or {roleSetting}");

  private SettingsMessages() {}
}
