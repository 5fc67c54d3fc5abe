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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * An AWS Secrets Manager endpoint on loopback that answers {@code GetSecretValue} and {@code
 * BatchGetSecretValue} as the Secrets Manager API reference documents them: JSON 1.1 ({@code POST
 * /}, {@code X-Amz-Target: secretsmanager.<operation>}), secrets found by name or ARN, versions
 * with staging labels ({@code AWSCURRENT}, {@code AWSPENDING}, {@code AWSPREVIOUS}), at most 20 ids
 * a batch, and a batch's per-secret failures in {@code Errors} rather than as an exception. A
 * rotation walks the steps of AWS's rotation: {@link #createSecret} stages a new version as {@code
 * AWSPENDING}, {@link #finishSecret} moves {@code AWSCURRENT} to it. A secret can be denied, and
 * the next requests throttled or failed with a 500; requests are counted per operation.
 */
public final class SecretsManagerServer extends AwsJsonServer<SecretsManagerServer> {

  /** The account and region of every secret's ARN. */
  public static final String ACCOUNT = "111122223333";

  /** The most ids one {@code BatchGetSecretValue} takes. */
  public static final int BATCH_LIMIT = 20;

  private static final String CURRENT = "AWSCURRENT";
  private static final String PENDING = "AWSPENDING";
  private static final String PREVIOUS = "AWSPREVIOUS";

  private static final class Version {
    final String id = UUID.randomUUID().toString();
    final String value;
    final Set<String> stages = new LinkedHashSet<>();
    final Instant created = Instant.now();

    Version(String value) {
      this.value = value;
    }
  }

  private static final class Secret {
    final String name;
    final String arn;
    final List<Version> versions = new ArrayList<>();
    volatile boolean denied;

    Secret(String name) {
      this.name = name;
      this.arn =
          "arn:aws:secretsmanager:us-east-1:"
              + ACCOUNT
              + ":secret:"
              + name
              + "-"
              + UUID.randomUUID().toString().substring(0, 6);
    }

    synchronized Optional<Version> staged(String stage) {
      return versions.stream().filter(v -> v.stages.contains(stage)).findFirst();
    }
  }

  private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

  private SecretsManagerServer() {
    super("secretsmanager.", "InternalServiceError", 0);
  }

  /** Starts on a free port of 127.0.0.1, with no secrets. */
  public static SecretsManagerServer start() {
    return new SecretsManagerServer();
  }

  /**
   * Creates secret {@code name} with {@code value} as its {@code AWSCURRENT} version, or gives an
   * existing one a new current version; its ARN.
   */
  public String put(String name, String value) {
    Secret secret = secrets.computeIfAbsent(name, Secret::new);
    synchronized (secret) {
      Version next = new Version(value);
      secret.versions.add(next);
      moveCurrent(secret, next);
    }
    return secret.arn;
  }

  /**
   * Rotation's first step: a new version of {@code name} with {@code value}, {@code AWSPENDING}.
   */
  public SecretsManagerServer createSecret(String name, String value) {
    Secret secret = secret(name);
    synchronized (secret) {
      secret.staged(PENDING).ifPresent(v -> v.stages.remove(PENDING));
      Version pending = new Version(value);
      pending.stages.add(PENDING);
      secret.versions.add(pending);
    }
    return this;
  }

  /** Rotation's last step: {@code AWSCURRENT} moves to the pending version of {@code name}. */
  public SecretsManagerServer finishSecret(String name) {
    Secret secret = secret(name);
    synchronized (secret) {
      Version pending = secret.staged(PENDING).orElseThrow();
      pending.stages.remove(PENDING);
      moveCurrent(secret, pending);
    }
    return this;
  }

  /**
   * A whole rotation of {@code name} to {@code value}: {@link #createSecret}, {@link
   * #finishSecret}.
   */
  public SecretsManagerServer rotate(String name, String value) {
    return createSecret(name, value).finishSecret(name);
  }

  /** Answers every request for {@code name} with access denied. */
  public SecretsManagerServer deny(String name) {
    secret(name).denied = true;
    return this;
  }

  @Override
  protected Response answer(String operation, JsonNode body) {
    return switch (operation) {
      case "GetSecretValue" -> getSecretValue(body);
      case "BatchGetSecretValue" -> batchGetSecretValue(body);
      default -> error(400, "InvalidRequestException", "unknown operation " + operation);
    };
  }

  private Response getSecretValue(JsonNode body) {
    String id = text(body, "SecretId").orElse("");
    Optional<Secret> secret = find(id);
    if (secret.isEmpty()) {
      return error(400, "ResourceNotFoundException", notFound());
    }
    if (secret.get().denied) {
      return error(400, "AccessDeniedException", denied(secret.get()));
    }
    String stage = text(body, "VersionStage").orElse(CURRENT);
    Optional<String> versionId = text(body, "VersionId");
    Optional<Version> version;
    synchronized (secret.get()) {
      version =
          versionId.isPresent()
              ? secret.get().versions.stream().filter(v -> v.id.equals(versionId.get())).findFirst()
              : secret.get().staged(stage);
    }
    if (version.isEmpty()) {
      return error(
          400,
          "ResourceNotFoundException",
          "Secrets Manager can't find the specified secret value for staging label: " + stage);
    }
    return ok(value(secret.get(), version.get()));
  }

  private Response batchGetSecretValue(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.field("SecretIdList")
        .filter(JsonNode::isArray)
        .ifPresent(list -> list.asArray().forEach(id -> ids.add(id.asString())));
    if (ids.isEmpty() || ids.size() > BATCH_LIMIT) {
      return error(
          400,
          "ValidationException",
          "SecretIdList must hold 1 to " + BATCH_LIMIT + " ids, not " + ids.size());
    }
    List<String> values = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String id : ids) {
      Optional<Secret> secret = find(id);
      if (secret.isEmpty()) {
        errors.add(batchError(id, "ResourceNotFoundException", notFound()));
      } else if (secret.get().denied) {
        errors.add(batchError(id, "AccessDeniedException", denied(secret.get())));
      } else {
        Optional<Version> current;
        synchronized (secret.get()) {
          current = secret.get().staged(CURRENT);
        }
        values.add(value(secret.get(), current.orElseThrow()));
      }
    }
    return ok(
        "{\"SecretValues\":["
            + String.join(",", values)
            + "],\"Errors\":["
            + String.join(",", errors)
            + "]}");
  }

  private Optional<Secret> find(String id) {
    Secret byName = secrets.get(id);
    if (byName != null) {
      return Optional.of(byName);
    }
    return secrets.values().stream().filter(s -> s.arn.equals(id)).findFirst();
  }

  private Secret secret(String name) {
    Secret secret = secrets.get(name);
    if (secret == null) {
      throw new IllegalArgumentException("no secret " + name);
    }
    return secret;
  }

  /** {@code next} becomes {@code AWSCURRENT}; the version that was becomes {@code AWSPREVIOUS}. */
  private static void moveCurrent(Secret secret, Version next) {
    secret.staged(PREVIOUS).ifPresent(v -> v.stages.remove(PREVIOUS));
    secret
        .staged(CURRENT)
        .ifPresent(
            v -> {
              v.stages.remove(CURRENT);
              v.stages.add(PREVIOUS);
            });
    next.stages.add(CURRENT);
  }

  private static String value(Secret secret, Version version) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ARN", quoted(secret.arn));
    fields.put("Name", quoted(secret.name));
    fields.put("VersionId", quoted(version.id));
    fields.put("SecretString", quoted(version.value));
    fields.put(
        "VersionStages",
        "["
            + String.join(",", version.stages.stream().map(SecretsManagerServer::quoted).toList())
            + "]");
    fields.put("CreatedDate", Long.toString(version.created.getEpochSecond()));
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (name, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append(quoted(name)).append(':').append(value);
        });
    return json.append('}').toString();
  }

  private static String batchError(String id, String code, String message) {
    return "{\"SecretId\":"
        + quoted(id)
        + ",\"ErrorCode\":"
        + quoted(code)
        + ",\"Message\":"
        + quoted(message)
        + "}";
  }

  private static String notFound() {
    return "Secrets Manager can't find the specified secret.";
  }

  private static String denied(Secret secret) {
    return "User: arn:aws:sts::"
        + ACCOUNT
        + ":assumed-role/test-role/i-0123456789abcdef0 is not authorized to perform:"
        + " secretsmanager:GetSecretValue on resource: "
        + secret.arn
        + " because no identity-based policy allows the secretsmanager:GetSecretValue action";
  }
}
