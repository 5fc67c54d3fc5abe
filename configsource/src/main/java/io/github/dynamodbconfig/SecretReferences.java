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

import io.github.dynamodbconfig.AttributeValues.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of a load that reference Secrets Manager secrets, turned into their properties: every
 * secret read (in batches of 20, one {@code GetSecretValue} for another staging label), then each
 * item's properties made from its secret. Any secret that is not read fails the whole load: a load
 * never publishes part of its secrets. The secrets read are kept for about {@code
 * dynamodb.config.secrets-manager-refresh-interval}: a load within it whose references were all
 * read makes no request; the first load after it, or one with a reference not read yet, reads them
 * all again.
 */
final class SecretReferences {

  private static final String SECRETS_MANAGER_CLIENT =
      "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient";

  /** An item's properties and the reference they came from, or why it has none. */
  record Resolved(
      Map<String, String> properties, String problem, Optional<SecretReference> reference) {}

  /** Makes the reader of a load in {@code region}. */
  interface Readers {
    SecretReader in(Region region);
  }

  /** The secrets last read, by {@link SecretReference#version()}, and when they are due again. */
  private record Read(Map<String, String> secrets, long dueNanos) {
    static final Read NONE = new Read(Map.of(), 0);

    boolean answers(List<SecretReference> references) {
      return System.nanoTime() - dueNanos < 0
          && references.stream().allMatch(r -> secrets.containsKey(r.version()));
    }
  }

  private final Settings settings;
  private final TableTarget target;
  private final Readers readers;
  private volatile Read last = Read.NONE; // loads of a table run one at a time

  SecretReferences(Settings settings, TableTarget target, Readers readers) {
    this.settings = settings;
    this.target = target;
    this.readers = readers;
  }

  /** With Secrets Manager, as {@code settings} say, for {@code target}. */
  static SecretReferences withSecretsManager(Settings settings, TableTarget target) {
    return new SecretReferences(
        settings,
        target,
        region -> {
          if (!AwsClients.hasModule(SECRETS_MANAGER_CLIENT)) {
            throw SecretMessages.NO_MODULE.exception(null, target.describe());
          }
          return SecretsManagerReads.reader(settings, target, region);
        });
  }

  /**
   * The properties of each referencing item of {@code items}, by item key; none when no item
   * references a secret.
   *
   * @throws DynamoDbConfigException when a secret is not read
   */
  Map<String, Resolved> resolve(
      List<Map<String, AttributeValue>> items, Region region, Deadline deadline) {
    Map<String, Resolved> resolved = new HashMap<>();
    List<SecretReference> references = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      AttributeValue key = item.get(settings.layout().keyAttribute());
      if (!SecretReference.isReference(item) || key == null || key.s() == null) {
        continue;
      }
      try {
        references.add(reference(key.s(), item));
      } catch (InvalidValueException e) {
        resolved.put(key.s(), new Resolved(Map.of(), e.getMessage(), Optional.empty()));
      }
    }
    if (references.isEmpty()) {
      last = Read.NONE;
      return resolved;
    }
    Map<String, String> secrets = secrets(references, region, deadline);
    for (SecretReference reference : references) {
      resolved.put(reference.key(), properties(reference, secrets.get(reference.version())));
    }
    return resolved;
  }

  /** The reference that {@code item} holds, whose key is {@code key}. */
  static SecretReference reference(String key, Map<String, AttributeValue> item)
      throws InvalidValueException {
    String secretId = text(item, SecretReference.SECRETS_MANAGER).orElse("");
    if (secretId.isBlank()) {
      throw new InvalidValueException(
          "its '"
              + SecretReference.SECRETS_MANAGER
              + "' attribute is not a secret's ARN or name (S)");
    }
    return new SecretReference(
        key,
        secretId,
        text(item, SecretReference.JSON_KEY),
        text(item, SecretReference.VERSION_STAGE).orElse(SecretReference.CURRENT));
  }

  private static Optional<String> text(Map<String, AttributeValue> item, String attribute)
      throws InvalidValueException {
    AttributeValue value = item.get(attribute);
    if (value == null) {
      return Optional.empty();
    }
    if (value.type() != AttributeValue.Type.S) {
      throw new InvalidValueException(
          "its '" + attribute + "' attribute is of type " + value.type() + ", not S");
    }
    return Optional.of(value.s());
  }

  /**
   * Whether the secrets last read are due to be read again: a refresh that finds its table
   * unchanged then loads its last items again, to read them.
   */
  boolean due() {
    Read read = last;
    return !read.secrets().isEmpty() && System.nanoTime() - read.dueNanos() >= 0;
  }

  private Map<String, String> secrets(
      List<SecretReference> references, Region region, Deadline deadline) {
    Read read = last;
    if (read.answers(references)) {
      return read.secrets();
    }
    Map<String, String> secrets = readers.in(region).read(references, deadline);
    Duration interval =
        RefreshSchedule.next(settings.secretsManagerRefreshInterval(), ThreadLocalRandom.current());
    last = new Read(Map.copyOf(secrets), System.nanoTime() + interval.toNanos());
    return secrets;
  }

  /**
   * The references of {@code resolved} that were read and whose properties {@code snapshot} serves
   * (an item that a load skipped serves none of its own), and those properties.
   */
  static ReferencedSecrets referenced(Collection<Resolved> resolved, Snapshot snapshot) {
    List<SecretReference> references = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (Resolved one : resolved) {
      if (one.reference().isPresent()
          && one.problem().isEmpty()
          && !one.properties().isEmpty()
          && one.properties().entrySet().stream()
              .allMatch(p -> p.getValue().equals(snapshot.properties().get(p.getKey())))) {
        references.add(one.reference().get());
        names.addAll(one.properties().keySet());
      }
    }
    return references.isEmpty() ? ReferencedSecrets.NONE : new ReferencedSecrets(references, names);
  }

  /** The properties that {@code reference} gives with its secret string {@code secret}. */
  private static Resolved properties(SecretReference reference, String secret) {
    try {
      Optional<JsonNode> json = json(secret);
      if (reference.jsonKey().isPresent()) {
        String field = reference.jsonKey().get();
        JsonNode value =
            json.filter(JsonNode::isObject)
                .flatMap(object -> object.field(field))
                .orElseThrow(
                    () ->
                        new InvalidValueException(
                            "its secret "
                                + reference.secretId()
                                + " has no JSON field '"
                                + field
                                + "'"));
        return new Resolved(
            AttributeValues.toProperties(reference.key(), attribute(value)),
            "",
            Optional.of(reference));
      }
      if (json.isPresent() && json.get().isObject()) {
        return new Resolved(
            AttributeValues.toProperties(reference.key(), attribute(json.get())),
            "",
            Optional.of(reference));
      }
      return new Resolved(Map.of(reference.key(), secret), "", Optional.of(reference));
    } catch (InvalidValueException e) {
      return new Resolved(Map.of(), e.getMessage(), Optional.of(reference));
    }
  }

  private static Optional<JsonNode> json(String secret) {
    String trimmed = secret.trim();
    if (!trimmed.startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonNode.parser().parse(trimmed));
    } catch (RuntimeException e) {
      return Optional.empty(); // not JSON: the whole string is the value
    }
  }

  /** A JSON value as the DynamoDB value it would be stored as, for the same flattening rules. */
  private static AttributeValue attribute(JsonNode node) {
    if (node.isObject()) {
      Map<String, AttributeValue> fields = new LinkedHashMap<>();
      node.asObject().forEach((name, value) -> fields.put(name, attribute(value)));
      return AttributeValue.fromM(fields);
    }
    if (node.isArray()) {
      return AttributeValue.fromL(
          node.asArray().stream().map(SecretReferences::attribute).toList());
    }
    if (node.isNumber()) {
      return AttributeValue.fromN(node.asNumber());
    }
    if (node.isBoolean()) {
      return AttributeValue.fromBool(node.asBoolean());
    }
    if (node.isNull()) {
      return AttributeValue.fromNul(true);
    }
    return AttributeValue.fromS(node.asString());
  }
}
