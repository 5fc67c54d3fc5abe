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
package io.github.dynamodbconfig.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * An AWS KMS endpoint on loopback that answers {@code GenerateDataKey}, {@code Encrypt}, {@code
 * Decrypt} and {@code ReEncrypt} as the KMS API reference documents them: JSON 1.1 ({@code POST /},
 * {@code X-Amz-Target: TrentService.<operation>}), base64 blobs, errors as JSON with {@code
 * __type}. Each key has its own random 256-bit key material and wraps with real AES-GCM whose
 * associated data is the encryption context, so that a wrong context really fails with {@code
 * InvalidCiphertextException}. Keys can be disabled or scheduled for deletion, an operation denied,
 * and the next requests throttled or failed with a 500; requests are counted per operation.
 *
 * <p>The ciphertext blob is this server's own: {@code "TESTKMS1"}, the key's id (36 bytes), a
 * 12-byte nonce, then the AES-GCM ciphertext and its 16-byte tag.
 */
public final class KmsServer extends AwsJsonServer<KmsServer> {

  /** The account and region of every key's ARN. */
  public static final String ACCOUNT = "111122223333";

  private static final String REGION = "us-east-1";
  private static final byte[] MAGIC = "TESTKMS1".getBytes(StandardCharsets.US_ASCII);
  private static final int ID_LENGTH = 36;
  private static final int NONCE_LENGTH = 12;

  /** The state of a key, as {@code DescribeKey} would name it. */
  public enum KeyState {
    /** Usable. */
    ENABLED,
    /** Refused with {@code DisabledException}. */
    DISABLED,
    /** Refused with {@code KMSInvalidStateException}. */
    PENDING_DELETION
  }

  private record Key(String id, byte[] material) {
    String arn() {
      return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + id;
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Key> keys = new ConcurrentHashMap<>();
  private final Map<String, KeyState> states = new ConcurrentHashMap<>();
  private final Map<String, String> aliases = new ConcurrentHashMap<>();
  private final Map<String, Boolean> denied = new ConcurrentHashMap<>();

  private KmsServer(int port) {
    super("TrentService.", "KMSInternalException", port);
  }

  /** Starts on a free port of 127.0.0.1, with no keys. */
  public static KmsServer start() {
    return new KmsServer(0);
  }

  /** Starts on {@code port} of 127.0.0.1, with no keys. */
  public static KmsServer start(int port) {
    return new KmsServer(port);
  }

  /** Creates a symmetric key; its ARN. */
  public String createKey() {
    byte[] material = new byte[32];
    random.nextBytes(material);
    Key key = new Key(UUID.randomUUID().toString(), material);
    keys.put(key.id(), key);
    states.put(key.id(), KeyState.ENABLED);
    return key.arn();
  }

  /** Names the key {@code keyArn} {@code alias/<name>}. */
  public KmsServer alias(String name, String keyArn) {
    aliases.put("alias/" + name, keyOf(keyArn).orElseThrow().id());
    return this;
  }

  /** Puts the key {@code keyArn} in {@code state}. */
  public KmsServer state(String keyArn, KeyState state) {
    states.put(keyOf(keyArn).orElseThrow().id(), state);
    return this;
  }

  /** Answers every request of {@code operation} (e.g. {@code Decrypt}) with access denied. */
  public KmsServer deny(String operation) {
    denied.put(operation, true);
    return this;
  }

  @Override
  protected Response answer(String operation, JsonNode body) {
    try {
      return switch (operation) {
        case "GenerateDataKey" -> generateDataKey(operation, body);
        case "Encrypt" -> encrypt(operation, body);
        case "Decrypt" -> decrypt(operation, body);
        case "ReEncrypt" -> reEncrypt(operation, body);
        default -> error(400, "UnknownOperationException", operation);
      };
    } catch (Refusal refusal) {
      return error(400, refusal.type, refusal.getMessage());
    }
  }

  private Response generateDataKey(String operation, JsonNode body) throws Refusal {
    Key key = usableKey(operation, text(body, "KeyId").orElse(""));
    int bytes = text(body, "KeySpec").map(spec -> spec.equals("AES_128") ? 16 : 32).orElse(0);
    if (bytes == 0) {
      bytes = body.field("NumberOfBytes").map(n -> Integer.parseInt(n.asNumber())).orElse(0);
    }
    if (bytes < 1 || bytes > 1024) {
      throw new Refusal("ValidationException", "KeySpec or NumberOfBytes is required");
    }
    byte[] plain = new byte[bytes];
    random.nextBytes(plain);
    return ok(
        "{\"CiphertextBlob\":"
            + quoted(base64(wrap(key, plain, context(body))))
            + ",\"Plaintext\":"
            + quoted(base64(plain))
            + ",\"KeyId\":"
            + quoted(key.arn())
            + "}");
  }

  private Response encrypt(String operation, JsonNode body) throws Refusal {
    Key key = usableKey(operation, text(body, "KeyId").orElse(""));
    byte[] plain = Base64.getDecoder().decode(text(body, "Plaintext").orElse(""));
    return ok(
        "{\"CiphertextBlob\":"
            + quoted(base64(wrap(key, plain, context(body))))
            + ",\"KeyId\":"
            + quoted(key.arn())
            + ",\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}");
  }

  private Response decrypt(String operation, JsonNode body) throws Refusal {
    Unwrapped unwrapped = unwrap(operation, body, "KeyId", "EncryptionContext");
    return ok(
        "{\"KeyId\":"
            + quoted(unwrapped.key().arn())
            + ",\"Plaintext\":"
            + quoted(base64(unwrapped.plain()))
            + ",\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}");
  }

  /**
   * Decrypts and encrypts again under the destination key and context, the plain bytes never
   * leaving the server; access to both keys is the one operation {@code ReEncrypt}.
   */
  private Response reEncrypt(String operation, JsonNode body) throws Refusal {
    Unwrapped unwrapped = unwrap(operation, body, "SourceKeyId", "SourceEncryptionContext");
    Key destination = usableKey(operation, text(body, "DestinationKeyId").orElse(""));
    byte[] blob =
        wrap(destination, unwrapped.plain(), context(body, "DestinationEncryptionContext"));
    return ok(
        "{\"CiphertextBlob\":"
            + quoted(base64(blob))
            + ",\"KeyId\":"
            + quoted(destination.arn())
            + ",\"SourceKeyId\":"
            + quoted(unwrapped.key().arn())
            + ",\"SourceEncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\""
            + ",\"DestinationEncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}");
  }

  private record Unwrapped(Key key, byte[] plain) {}

  /** The plain bytes of the request's blob, with the key named in {@code keyField} if any. */
  private Unwrapped unwrap(String operation, JsonNode body, String keyField, String contextField)
      throws Refusal {
    ByteBuffer blob =
        ByteBuffer.wrap(Base64.getDecoder().decode(text(body, "CiphertextBlob").orElse("")));
    byte[] magic = new byte[MAGIC.length];
    byte[] id = new byte[ID_LENGTH];
    byte[] nonce = new byte[NONCE_LENGTH];
    if (blob.remaining() < MAGIC.length + ID_LENGTH + NONCE_LENGTH + 16) {
      throw invalidCiphertext();
    }
    blob.get(magic).get(id).get(nonce);
    byte[] sealed = new byte[blob.remaining()];
    blob.get(sealed);
    Key key = keys.get(new String(id, StandardCharsets.US_ASCII));
    if (!Arrays.equals(magic, MAGIC) || key == null) {
      throw invalidCiphertext();
    }
    Optional<String> named = text(body, keyField);
    if (named.isPresent() && !keyOf(named.get()).map(Key::id).equals(Optional.of(key.id()))) {
      throw new Refusal(
          "IncorrectKeyException",
          "The key ID in the request does not identify a CMK that can perform this operation.");
    }
    usableKey(operation, key.arn());
    return new Unwrapped(
        key, gcm(Cipher.DECRYPT_MODE, key, nonce, context(body, contextField), sealed));
  }

  private Key usableKey(String operation, String keyId) throws Refusal {
    Key key =
        keyOf(keyId)
            .orElseThrow(
                () -> new Refusal("NotFoundException", "Key '" + keyId + "' does not exist"));
    if (denied.containsKey(operation)) {
      throw new Refusal(
          "AccessDeniedException",
          "User: arn:aws:sts::"
              + ACCOUNT
              + ":assumed-role/test-role/i-0123456789abcdef0 is not authorized to perform: kms:"
              + operation
              + " on resource: "
              + key.arn()
              + " because no identity-based policy allows the kms:"
              + operation
              + " action");
    }
    KeyState state = states.get(key.id());
    if (state == KeyState.DISABLED) {
      throw new Refusal("DisabledException", key.arn() + " is disabled.");
    }
    if (state == KeyState.PENDING_DELETION) {
      throw new Refusal("KMSInvalidStateException", key.arn() + " is pending deletion.");
    }
    return key;
  }

  private Optional<Key> keyOf(String keyId) {
    String id = aliases.getOrDefault(keyId, keyId);
    if (id.startsWith("arn:aws:kms:")) {
      if (id.contains(":alias/")) {
        id = aliases.getOrDefault(id.substring(id.indexOf(":alias/") + 1), "");
      } else {
        id = id.substring(id.lastIndexOf('/') + 1);
      }
    }
    return Optional.ofNullable(keys.get(id));
  }

  private byte[] wrap(Key key, byte[] plain, byte[] context) throws Refusal {
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key, nonce, context, plain);
    return ByteBuffer.allocate(MAGIC.length + ID_LENGTH + NONCE_LENGTH + sealed.length)
        .put(MAGIC)
        .put(key.id().getBytes(StandardCharsets.US_ASCII))
        .put(nonce)
        .put(sealed)
        .array();
  }

  private static byte[] gcm(int mode, Key key, byte[] nonce, byte[] context, byte[] input)
      throws Refusal {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(key.material(), "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(context);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw invalidCiphertext();
    }
  }

  /** The encryption context as associated data: its entries sorted, each length-prefixed. */
  private static byte[] context(JsonNode body) {
    return context(body, "EncryptionContext");
  }

  private static byte[] context(JsonNode body, String field) {
    Map<String, String> sorted = new TreeMap<>();
    body.field(field)
        .filter(JsonNode::isObject)
        .ifPresent(c -> c.asObject().forEach((k, v) -> sorted.put(k, v.asString())));
    StringBuilder text = new StringBuilder();
    sorted.forEach(
        (k, v) ->
            text.append(k.length()).append(':').append(k).append(v.length()).append(':').append(v));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Refusal invalidCiphertext() {
    return new Refusal("InvalidCiphertextException", null);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A request KMS refuses, with the error type it answers. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final String type;

    Refusal(String type, String message) {
      super(message, null, false, false);
      this.type = type;
    }
  }
}
