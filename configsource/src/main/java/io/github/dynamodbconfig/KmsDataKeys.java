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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * Opens a table's data keys with AWS KMS {@code Decrypt}, naming the KMS key and the stored
 * encryption context, with the library's retries, each request bounded by the load's time budget.
 * Only this class and {@link AwsClients.Kms} name the optional {@code kms} module's types.
 */
final class KmsDataKeys implements DataKeyOpener {

  private final KmsClient client;
  private final TableTarget target;

  private KmsDataKeys(KmsClient client, TableTarget target) {
    this.client = client;
    this.target = target;
  }

  /** An opener of {@code target}'s data keys in {@code region}. */
  static DataKeyOpener opener(Settings settings, TableTarget target, Region region) {
    return new KmsDataKeys(
        AwsClients.Kms.client(region, settings.kmsEndpoint(), target.describe()), target);
  }

  /**
   * A new data key {@code id} made by KMS key {@code kmsKey} for {@code context}: its plain bytes
   * (which the caller clears) and its wrapped form.
   */
  static Generated generate(
      Settings settings,
      TableTarget target,
      Region region,
      String kmsKey,
      String id,
      Map<String, String> context) {
    try (KmsDataKeys kms = (KmsDataKeys) opener(settings, target, region)) {
      GenerateDataKeyResponse made =
          kms.client.generateDataKey(
              r ->
                  r.keyId(kmsKey)
                      .keySpec(DataKeySpec.AES_256)
                      .encryptionContext(context)
                      .overrideConfiguration(o -> o.apiCallTimeout(settings.timeout())));
      return new Generated(
          made.plaintext().asByteArray(),
          new Keyring.WrappedKey(
              id,
              made.ciphertextBlob().asByteArray(),
              made.keyId(),
              context,
              Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    } catch (SdkException e) {
      if (e instanceof KmsException kms && LoadFailures.isAccessDenied(kms)) {
        throw SealMessages.KMS_DENIED_GENERATE.exception(
            e, target.describe(), kmsKey, context, e.getMessage());
      }
      throw SealMessages.KMS_GENERATE_FAILED.exception(
          e, target.describe(), kmsKey, e.getMessage());
    }
  }

  /**
   * Data key {@code key} wrapped by KMS key {@code kmsKey} instead, for the same encryption context
   * ({@code ReEncrypt}: its plain bytes never leave KMS); its id and time of making kept.
   */
  static Keyring.WrappedKey rewrap(
      Settings settings, TableTarget target, Region region, Keyring.WrappedKey key, String kmsKey) {
    try (KmsDataKeys kms = (KmsDataKeys) opener(settings, target, region)) {
      ReEncryptResponse moved =
          kms.client.reEncrypt(
              r ->
                  r.ciphertextBlob(SdkBytes.fromByteArray(key.wrapped()))
                      .sourceKeyId(key.keyArn())
                      .sourceEncryptionContext(key.context())
                      .destinationKeyId(kmsKey)
                      .destinationEncryptionContext(key.context())
                      .overrideConfiguration(o -> o.apiCallTimeout(settings.timeout())));
      return new Keyring.WrappedKey(
          key.id(),
          moved.ciphertextBlob().asByteArray(),
          moved.keyId(),
          key.context(),
          key.created());
    } catch (SdkException e) {
      if (e instanceof KmsException kms && LoadFailures.isAccessDenied(kms)) {
        throw SealMessages.KMS_DENIED_REWRAP.exception(
            e,
            key.id(),
            target.describe(),
            kmsKey,
            key.keyArn(),
            kmsKey,
            key.context(),
            e.getMessage());
      }
      throw SealMessages.KMS_REWRAP_FAILED.exception(
          e, key.id(), target.describe(), kmsKey, e.getMessage());
    }
  }

  /** A data key KMS made: its plain bytes and its wrapped form. */
  record Generated(byte[] plain, Keyring.WrappedKey wrapped) {}

  @Override
  public byte[] open(Keyring.WrappedKey key, Duration time) {
    try {
      return client
          .decrypt(
              request ->
                  request
                      .ciphertextBlob(SdkBytes.fromByteArray(key.wrapped()))
                      .encryptionContext(key.context())
                      .keyId(key.keyArn())
                      .overrideConfiguration(o -> o.apiCallTimeout(time)))
          .plaintext()
          .asByteArray();
    } catch (InvalidCiphertextException | IncorrectKeyException e) {
      throw SealMessages.WRONG_CONTEXT.exception(
          e, key.id(), target.describe(), key.keyArn(), key.context(), e.getMessage());
    } catch (DisabledException e) {
      throw unusable(key, "is disabled", e);
    } catch (KmsInvalidStateException e) {
      throw unusable(key, "is not in a state to decrypt (pending deletion, or pending import)", e);
    } catch (NotFoundException e) {
      throw unusable(key, "does not exist", e);
    } catch (KmsException e) {
      if (LoadFailures.isAccessDenied(e)) {
        throw SealMessages.KMS_DENIED.exception(
            e, key.id(), target.describe(), key.keyArn(), key.context(), e.getMessage());
      }
      throw failed(key, e);
    } catch (SdkException e) {
      throw failed(key, e);
    }
  }

  private DynamoDbConfigException unusable(Keyring.WrappedKey key, String state, Exception e) {
    return SealMessages.KEY_UNUSABLE.exception(
        e, key.id(), target.describe(), key.keyArn(), state, e.getMessage());
  }

  private DynamoDbConfigException failed(Keyring.WrappedKey key, Exception e) {
    return SealMessages.KMS_FAILED.exception(e, key.id(), target.describe(), e.getMessage());
  }

  @Override
  public void close() {
    client.close();
  }
}
