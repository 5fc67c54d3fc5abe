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
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A table's plain data key, as KMS gave it back: 32 bytes for AES-256, named by its id in the
 * keyring ({@code k1}, ...). Kept in memory only; its text never shows the key's bytes.
 */
final class DataKey {

  /** The length of a data key, in bytes. */
  static final int LENGTH = 32;

  private final String id;
  private final SecretKey key;

  private DataKey(String id, SecretKey key) {
    this.id = id;
    this.key = key;
  }

  /** The data key {@code id} of {@code bytes}, which it copies; the caller may clear its own. */
  static DataKey of(String id, byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "data key " + id + " has " + bytes.length + " bytes, not " + LENGTH);
    }
    byte[] copy = bytes.clone();
    try {
      return new DataKey(id, new SecretKeySpec(copy, "AES"));
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  String id() {
    return id;
  }

  SecretKey key() {
    return key;
  }

  @Override
  public String toString() {
    return "DataKey[" + id + "]";
  }
}
