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
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the sealed properties of a snapshot are stored in their table: the keyring, and each sealed
 * value with the version it is bound to. A snapshot file keeps these instead of the opened values,
 * so that it never holds a sealed secret in plain text.
 *
 * @param keyring the table's keyring
 * @param forms each sealed property by name (its item's key)
 */
record SealedForms(Keyring keyring, Map<String, Form> forms) {

  /**
   * One sealed value as stored.
   *
   * @param sealed its bytes, in {@link SealedValue}'s format
   * @param version the item's version it is bound to
   */
  record Form(byte[] sealed, long version) {

    Form {
      sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
      return sealed.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Form that
          && that.version == version
          && Arrays.equals(that.sealed, sealed);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(sealed) * 31 + Long.hashCode(version);
    }

    @Override
    public String toString() {
      return "Form[" + sealed.length + " bytes, version " + version + "]";
    }
  }

  SealedForms {
    forms = Collections.unmodifiableMap(new TreeMap<>(forms));
  }
}
