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

import io.github.dynamodbconfig.Resolution.Outcome;
import java.util.Optional;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.imds.Ec2MetadataClientException;
import software.amazon.awssdk.regions.Region;

/**
 * Reads EC2 instance metadata through the SDK's IMDSv2 client and classifies its failures: a path
 * that is not there (404) is an empty answer; anything else that keeps it from answering is an
 * {@link Unusable}, with the outcome it means for role resolution. It remembers whether instance
 * metadata has answered at all: once it has, this is an EC2 instance.
 */
final class InstanceMetadata implements AutoCloseable {

  static final String TAGS_PATH = "/latest/meta-data/tags/instance";
  static final String INSTANCE_ID_PATH = "/latest/meta-data/instance-id";
  static final String IDENTITY_DOCUMENT_PATH = "/latest/dynamic/instance-identity/document";

  /**
   * How the SDK starts the message of its exception for a failed token request ({@code PUT
   * /latest/api/token}): the same {@link Ec2MetadataClientException} type serves every request, so
   * this text is the only signal (pinned against the SDK in use by a test).
   */
  static final String SDK_TOKEN_FAILURE = "Could not retrieve token";

  /** Instance metadata cannot give an answer: unreachable, refused, failed or out of time. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Outcome outcome;

    Unusable(String message, Outcome outcome) {
      super(message, null, false, false);
      this.outcome = outcome;
    }

    Outcome outcome() {
      return outcome;
    }
  }

  private final Ec2MetadataClient client;
  private final Runnable onFirstAnswer;
  private volatile boolean answered;

  /** Reads through {@code client}, which it closes; runs {@code onFirstAnswer} once. */
  InstanceMetadata(Ec2MetadataClient client, Runnable onFirstAnswer) {
    this.client = client;
    this.onFirstAnswer = onFirstAnswer;
  }

  /** True once instance metadata has answered: this is an EC2 instance. */
  boolean answered() {
    return answered;
  }

  /**
   * The value at {@code path}; empty when instance metadata answers 404.
   *
   * @param step what this read is for, in messages
   * @throws Unusable when instance metadata cannot answer
   */
  Optional<String> get(String path, String step) throws Unusable {
    try {
      Optional<String> value = Optional.of(client.get(path).asString());
      onAnswer();
      return value;
    } catch (Ec2MetadataClientException e) {
      boolean tokenRequest = isTokenRequest(e);
      if (e.statusCode() == 404 && !tokenRequest) {
        onAnswer();
        return Optional.empty();
      }
      throw new Unusable(
          RoleMessages.refused(step, e.statusCode(), tokenRequest), Outcome.UNREADABLE);
    } catch (SdkClientException e) {
      Optional<RetryableException> errorAnswer = ExceptionCauses.find(e, RetryableException.class);
      if (errorAnswer.isPresent()) {
        // The SDK's report of an error status (5xx): the service is there, but cannot answer.
        throw new Unusable(RoleMessages.errorAnswer(step, errorAnswer.get()), Outcome.UNREADABLE);
      }
      throw new Unusable(
          RoleMessages.unreachable(step, e, answered),
          answered ? Outcome.UNREADABLE : Outcome.NOT_ON_EC2);
    } catch (RuntimeException e) {
      throw new Unusable(RoleMessages.failed(step, e), Outcome.UNREADABLE);
    }
  }

  /** The region of the instance identity document, if it has one. */
  Optional<Region> identityRegion() {
    try {
      Document document = client.get(IDENTITY_DOCUMENT_PATH).asDocument();
      Document region = document.isMap() ? document.asMap().get("region") : null;
      return region != null && region.isString() && !region.asString().isBlank()
          ? Optional.of(Region.of(region.asString()))
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Why instance metadata cannot hold the tag key {@code key}, or empty when it can: with tags in
   * instance metadata, a key has only the letters {@code a-z}, {@code A-Z}, the digits {@code 0-9}
   * and {@code + - = . , _ : @}, and is not {@code .}, {@code ..} or {@code _index} (EC2 User
   * Guide, "View tags for your EC2 instances using instance metadata"). Such a key is also safe as
   * a path segment.
   */
  static Optional<String> notInMetadata(String key) {
    String why = null;
    if (key.equals(".") || key.equals("..") || key.equals("_index")) {
      why = "it may not be '.', '..' or '_index'";
    }
    for (int i = 0; why == null && i < key.length(); i += Character.charCount(key.codePointAt(i))) {
      why = notInKey(key.codePointAt(i));
    }
    return Optional.ofNullable(why)
        .map(w -> "the tag key '" + key + "' cannot appear in instance metadata (" + w + ")");
  }

  private static String notInKey(int c) {
    if (c == ' ') {
      return "a space";
    }
    if (c == '/') {
      return "a '/'";
    }
    if (Character.isISOControl(c) || Character.isWhitespace(c)) {
      return "the character U+%04X".formatted(c);
    }
    if (!(c < 128 && Character.isLetterOrDigit(c)) && "+-=.,_:@".indexOf(c) < 0) {
      return "the character '" + Character.toString(c) + "'";
    }
    return null;
  }

  private void onAnswer() {
    if (!answered) {
      answered = true;
      onFirstAnswer.run();
    }
  }

  private static boolean isTokenRequest(Ec2MetadataClientException e) {
    return String.valueOf(e.getMessage()).startsWith(SDK_TOKEN_FAILURE);
  }

  @Override
  public void close() {
    client.close();
  }
}
