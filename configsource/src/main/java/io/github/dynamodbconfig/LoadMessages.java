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
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * The lines of loading a table: the summary of a load, each item skipped or refused, each value at
 * DEBUG (secrets as {@code ***}), and a source left empty. {@code {invalid}} is {@code Invalid item
 * 'key' in table 'name': why}, never quoting a value.
 */
final class LoadMessages {

  private static final String SUMMARY =
      "Loaded DynamoDB table {table} ({provenance}, region {region}): {properties}, {secrets},"
          + " {requests}, {elapsed} ms, {revision}{missingKeys}";

  static final LibraryMessage LOADED = new LibraryMessage(301, INFO, SUMMARY);

  static final LibraryMessage RELOADED = new LibraryMessage(302, DEBUG, SUMMARY);

  static final LibraryMessage ITEM_SKIPPED =
      new LibraryMessage(303, WARNING, "{invalid}; item skipped");

  static final LibraryMessage ITEM_SKIPPED_AGAIN =
      new LibraryMessage(304, DEBUG, "{invalid}; item skipped");

  static final LibraryMessage INVALID_ITEM =
      new LibraryMessage(
          305, ERROR, "{invalid}. Fix the item, or set {setting}=skip to leave such items out.");

  static final LibraryMessage VALUE = new LibraryMessage(306, DEBUG, "{table}: {name} = {value}");

  static final LibraryMessage EMPTY_NOT_REQUIRED =
      new LibraryMessage(
          307, WARNING, "{failure}; the source for {table} is empty because {setting}=false");

  private LoadMessages() {}
}
