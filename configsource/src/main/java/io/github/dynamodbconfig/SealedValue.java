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

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A secret value sealed with a table's data key (format 1), as its item's {@code Sealed} binary
 * attribute holds it:
 *
 * <pre>
 * "DCS1" | n (1 byte) | data key id (n bytes, UTF-8) | nonce (12 bytes) | ciphertext | tag (16 bytes)
 * </pre>
 *
 * AES-256-GCM over the value's UTF-8 bytes, with a random nonce, and as associated data (not
 * stored) the header, then what the value is bound to:
 *
 * <pre>
 * "DCS1" | n | data key id | u16 length | table id | u16 length | item key | u64 item version
 * </pre>
 *
 * lengths in bytes and numbers big-endian, text in UTF-8. A value copied to another item, another
 * table, an older or newer version of its item, or another data key's name, or altered in any byte,
 * does not open.
 */
final class SealedValue {

  /** The first bytes of format 1. */
  static final byte[] FORMAT_1 = {'D', 'C', 'S', '1'};

  static final int NONCE_LENGTH = 12;
  static final int TAG_LENGTH = 16;
  private static final int MAX_KEY_ID_LENGTH = 64;

  /**
   * What a sealed value is bound to.
   *
   * @param tableId the table's identity, chosen when its keyring was made
   * @param key the item's key, e.g. {@code db_pass}
   * @param version the item's version
   */
  record Binding(String tableId, String key, long version) {}

  /** A sealed value that does not open, and why (never with any part of the value). */
  static final class CannotOpen extends Exception {
    private static final long serialVersionUID = 1L;

    CannotOpen(String reason) {
      super(reason, null, false, false);
    }
  }

  private SealedValue() {}

  /** Seals {@code value} for {@code binding} with {@code key} and a random nonce. */
  static byte[] seal(DataKey key, Binding binding, String value, SecureRandom random) {
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    return seal(key, binding, value, nonce);
  }

  /** Seals with the given nonce: for test vectors only, a nonce must never be used twice. */
  static byte[] seal(DataKey key, Binding binding, String value, byte[] nonce) {
    byte[] header = header(key.id());
    byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key, nonce, header, binding, utf8(value));
    return ByteBuffer.allocate(header.length + NONCE_LENGTH + sealed.length)
        .put(header)
        .put(nonce)
        .put(sealed)
        .array();
  }

  /** The id of the data key that {@code sealed} needs. */
  static String keyId(byte[] sealed) throws CannotOpen {
    checkFormat(sealed);
    int length = sealed[FORMAT_1.length] & 0xff;
    if (length == 0
        || length > MAX_KEY_ID_LENGTH
        || sealed.length < FORMAT_1.length + 1 + length + NONCE_LENGTH + TAG_LENGTH) {
      throw new CannotOpen("its data key id or its length is not valid");
    }
    return text(Arrays.copyOfRange(sealed, FORMAT_1.length + 1, FORMAT_1.length + 1 + length));
  }

  /** The value of {@code sealed}, opened with {@code key} for {@code binding}. */
  static String open(DataKey key, Binding binding, byte[] sealed) throws CannotOpen {
    String keyId = keyId(sealed);
    if (!keyId.equals(key.id())) {
      throw new CannotOpen("it needs data key " + keyId + ", not " + key.id());
    }
    int start = FORMAT_1.length + 1 + utf8(keyId).length;
    byte[] header = Arrays.copyOf(sealed, start);
    byte[] nonce = Arrays.copyOfRange(sealed, start, start + NONCE_LENGTH);
    byte[] body = Arrays.copyOfRange(sealed, start + NONCE_LENGTH, sealed.length);
    try {
      return text(gcm(Cipher.DECRYPT_MODE, key, nonce, header, binding, body));
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof AEADBadTagException) {
        throw new CannotOpen("sealed for another table, item, version or key, or altered");
      }
      throw e;
    }
  }

  private static void checkFormat(byte[] sealed) throws CannotOpen {
    if (sealed.length < FORMAT_1.length + 1
        || !Arrays.equals(sealed, 0, FORMAT_1.length, FORMAT_1, 0, FORMAT_1.length)) {
      throw new CannotOpen(
          "it does not start with the bytes of a sealed value this version knows (DCS1)");
    }
  }

  private static byte[] header(String keyId) {
    byte[] id = utf8(keyId);
    if (id.length == 0 || id.length > MAX_KEY_ID_LENGTH) {
      throw new IllegalArgumentException("a data key id has 1 to 64 bytes: " + keyId);
    }
    return ByteBuffer.allocate(FORMAT_1.length + 1 + id.length)
        .put(FORMAT_1)
        .put((byte) id.length)
        .put(id)
        .array();
  }

  /** The associated data: the header, then the binding. */
  private static byte[] associatedData(byte[] header, Binding binding) {
    byte[] table = utf8(binding.tableId());
    byte[] key = utf8(binding.key());
    return ByteBuffer.allocate(header.length + 2 + table.length + 2 + key.length + 8)
        .put(header)
        .putShort(length(table))
        .put(table)
        .putShort(length(key))
        .put(key)
        .putLong(binding.version())
        .array();
  }

  private static short length(byte[] text) {
    if (text.length > 0xffff) {
      throw new IllegalArgumentException("longer than 65535 bytes");
    }
    return (short) text.length;
  }

  private static byte[] gcm(
      int mode, DataKey key, byte[] nonce, byte[] header, Binding binding, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key.key(), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
      cipher.updateAAD(associatedData(header, binding));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] utf8) throws CannotOpen {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CannotOpen("its text is not UTF-8");
    }
  }
}
