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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/** The local KMS server, driven by the AWS SDK's own KMS client: what the library will meet. */
class KmsServerTest {

  private static final Map<String, String> CONTEXT =
      Map.of("dynamodb-config:table", "t-config", "dynamodb-config:keyring", "id-1");

  private final KmsServer kms = KmsServer.start();
  private final KmsClient client = kms.client(KmsClient.builder());

  @AfterEach
  void close() {
    client.close();
    kms.close();
  }

  private GenerateDataKeyResponse dataKey(String keyId) {
    return client.generateDataKey(
        r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(CONTEXT));
  }

  private DecryptResponse decrypt(SdkBytes blob, Map<String, String> context) {
    return client.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(context));
  }

  @Test
  void aDataKey_opensWithItsContext_only() {
    String key = kms.createKey();
    kms.alias("config", key);
    GenerateDataKeyResponse made = dataKey("alias/config");

    assertThat(made.plaintext().asByteArray()).hasSize(32);
    assertThat(made.keyId()).isEqualTo(key);
    DecryptResponse opened = decrypt(made.ciphertextBlob(), CONTEXT);
    assertThat(opened.plaintext()).isEqualTo(made.plaintext());
    assertThat(opened.keyId()).isEqualTo(key);

    assertThatThrownBy(
            () -> decrypt(made.ciphertextBlob(), Map.of("dynamodb-config:table", "other-config")))
        .isInstanceOf(InvalidCiphertextException.class);
    assertThatThrownBy(() -> decrypt(made.ciphertextBlob(), Map.of()))
        .isInstanceOf(InvalidCiphertextException.class);
    byte[] altered = made.ciphertextBlob().asByteArray();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> decrypt(SdkBytes.fromByteArray(altered), CONTEXT))
        .isInstanceOf(InvalidCiphertextException.class);
    assertThatThrownBy(
            () ->
                client.decrypt(
                    r ->
                        r.ciphertextBlob(made.ciphertextBlob())
                            .encryptionContext(CONTEXT)
                            .keyId(kms.createKey())))
        .isInstanceOf(IncorrectKeyException.class);
    assertThat(kms.count("GenerateDataKey")).isEqualTo(1);
    assertThat(kms.count("Decrypt")).isEqualTo(5);
  }

  @Test
  void encrypt_wrapsGivenBytes_forDecrypt() {
    String key = kms.createKey();
    SdkBytes plain = SdkBytes.fromUtf8String("thirty-two bytes of a data key..");
    SdkBytes blob =
        client
            .encrypt(r -> r.keyId(key).plaintext(plain).encryptionContext(CONTEXT))
            .ciphertextBlob();
    assertThat(decrypt(blob, CONTEXT).plaintext()).isEqualTo(plain);
  }

  @Test
  void reEncrypt_movesADataKeyToAnotherKey_andContext_withoutGivingItsBytes() {
    String from = kms.createKey();
    String to = kms.createKey();
    GenerateDataKeyResponse made = dataKey(from);
    Map<String, String> moved = Map.of("dynamodb-config:table", "t-config");

    ReEncryptResponse again =
        client.reEncrypt(
            r ->
                r.ciphertextBlob(made.ciphertextBlob())
                    .sourceEncryptionContext(CONTEXT)
                    .destinationKeyId(to)
                    .destinationEncryptionContext(moved));

    assertThat(again.keyId()).isEqualTo(to);
    assertThat(again.sourceKeyId()).isEqualTo(from);
    assertThat(decrypt(again.ciphertextBlob(), moved).plaintext()).isEqualTo(made.plaintext());
    assertThat(decrypt(again.ciphertextBlob(), moved).keyId()).isEqualTo(to);
    assertThatThrownBy(
            () ->
                client.reEncrypt(
                    r ->
                        r.ciphertextBlob(made.ciphertextBlob())
                            .sourceEncryptionContext(moved)
                            .destinationKeyId(to)))
        .as("the source context is checked")
        .isInstanceOf(InvalidCiphertextException.class);
    kms.state(to, KmsServer.KeyState.DISABLED);
    assertThatThrownBy(
            () ->
                client.reEncrypt(
                    r ->
                        r.ciphertextBlob(made.ciphertextBlob())
                            .sourceEncryptionContext(CONTEXT)
                            .destinationKeyId(to)))
        .isInstanceOf(DisabledException.class);
    assertThat(kms.count("ReEncrypt")).isEqualTo(3);
  }

  @Test
  void disabledKeys_keysPendingDeletion_andDeniedOperations_areRefusedAsKmsRefusesThem() {
    String key = kms.createKey();
    SdkBytes blob = dataKey(key).ciphertextBlob();

    kms.state(key, KmsServer.KeyState.DISABLED);
    assertThatThrownBy(() -> decrypt(blob, CONTEXT)).isInstanceOf(DisabledException.class);
    kms.state(key, KmsServer.KeyState.PENDING_DELETION);
    assertThatThrownBy(() -> decrypt(blob, CONTEXT)).isInstanceOf(KmsInvalidStateException.class);
    kms.state(key, KmsServer.KeyState.ENABLED).deny("Decrypt");
    assertThatThrownBy(() -> decrypt(blob, CONTEXT))
        .isInstanceOfSatisfying(
            KmsException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
              assertThat(e.getMessage()).contains("kms:Decrypt", key);
            });
    assertThat(dataKey(key).plaintext().asByteArray()).as("another operation").hasSize(32);
  }

  @Test
  void throttlingAndServerErrors_areRetriedByTheSdk() {
    String key = kms.createKey();
    SdkBytes blob = dataKey(key).ciphertextBlob();
    kms.resetCounts();

    kms.throttleNext(1).failNext(0);
    assertThat(decrypt(blob, CONTEXT).plaintext().asByteArray()).hasSize(32);
    assertThat(kms.count("Decrypt")).isEqualTo(2);

    kms.failNext(2);
    assertThat(decrypt(blob, CONTEXT).plaintext().asByteArray()).hasSize(32);
    assertThat(kms.count("Decrypt")).isEqualTo(5);
  }
}
