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

import java.util.List;
import java.util.Set;

/**
 * The properties of a snapshot that Secrets Manager secrets gave, and the references they came
 * from: a snapshot file keeps the references instead of those values, so that it never holds a
 * referenced secret, and reads them again when an application starts from it.
 *
 * @param references the references, one per item
 * @param names the properties they gave
 */
record ReferencedSecrets(List<SecretReference> references, Set<String> names) {

  static final ReferencedSecrets NONE = new ReferencedSecrets(List.of(), Set.of());

  ReferencedSecrets {
    references = List.copyOf(references);
    names = Set.copyOf(names);
  }
}
