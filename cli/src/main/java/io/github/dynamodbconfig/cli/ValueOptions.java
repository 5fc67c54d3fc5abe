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
package io.github.dynamodbconfig.cli;

import picocli.CommandLine.Option;

/** {@code --full-values}: how plans and diffs show long values. */
final class ValueOptions {

  @Option(
      names = "--full-values",
      description =
          "Show long values whole in the plan or diff (by default a value over "
              + Display.SHORT
              + " characters is shown by its beginning and its length)")
  boolean full;
}
