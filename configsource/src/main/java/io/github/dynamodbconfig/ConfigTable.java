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

import io.github.dynamodbconfig.ItemConverter.Converted;
import io.github.dynamodbconfig.Settings.InvalidItemPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One config table as the library sees it, for the operator's command-line tool: what the tool
 * shows is what an application gets, because it reads and converts through the source's own code.
 *
 * <p>This class is the tool's interface to the library, released with it: it is outside the
 * library's compatibility promise and may change in any release. Applications do not need it; the
 * {@link DynamoDbConfigSource} reads their table. It speaks only JDK and AWS SDK types. An instance
 * is immutable and thread-safe.
 */
public final class ConfigTable {

  private final Settings settings;
  private final TableTarget target;
  private final TableLoader loader;
  private final ItemConverter converter;

  /** What an application gets from a table's items. */
  public record Contents(
      Map<String, String> properties, Set<String> secrets, List<String> invalidItems) {

    /**
     * @param properties every property, in name order
     * @param secrets the names of the secret properties, in name order
     * @param invalidItems why each item that yields no property is invalid, by key (never by
     *     value), in key order; an application fails on the first or, with {@code
     *     dynamodb.config.on-invalid-item=skip}, leaves them out
     */
    public Contents {
      properties = Collections.unmodifiableMap(new TreeMap<>(properties));
      secrets = Collections.unmodifiableSet(new TreeSet<>(secrets));
      invalidItems = List.copyOf(invalidItems);
    }

    /** Counts only: the properties hold values, which may be secret. */
    @Override
    public String toString() {
      return "Contents["
          + properties.size()
          + " properties, "
          + secrets.size()
          + " secrets, "
          + invalidItems.size()
          + " invalid items]";
    }
  }

  private ConfigTable(Settings settings, TableTarget target) {
    this.settings = settings;
    this.target = target;
    this.loader = new TableLoader(settings, target);
    this.converter =
        new ItemConverter(settings.layout(), settings.secretKeys(), InvalidItemPolicy.SKIP);
  }

  /**
   * The table that the settings name, with the attribute names, secret patterns, region, endpoint
   * and time budget they give. Each {@code dynamodb.config.*} setting comes from {@code settings}
   * first, then as the source reads it: system properties, environment variables, {@code
   * META-INF/microprofile-config.properties}. The table is {@code dynamodb.config.table}, else
   * {@code dynamodb.config.role} through {@code dynamodb.config.table-template}; the EC2 instance
   * is never asked.
   *
   * @param settings {@code dynamodb.config.*} settings that take precedence, by key
   * @return the table
   * @throws DynamoDbConfigException naming the setting, when one is invalid or neither the table
   *     nor the role is given
   */
  public static ConfigTable fromSettings(Map<String, String> settings) {
    Map<String, String> given = Map.copyOf(settings);
    SettingsLookup standard = SettingsLookup.standard();
    Settings parsed =
        SettingsParser.read(key -> given.containsKey(key) ? given.get(key) : standard.apply(key));
    TableTarget target =
        TableTarget.fromSettings(parsed)
            .orElseThrow(
                () ->
                    SettingsMessages.NO_TABLE_GIVEN.exception(
                        null, DynamoDbConfigSetting.TABLE.key(), DynamoDbConfigSetting.ROLE.key()));
    return new ConfigTable(parsed, target);
  }

  /**
   * The table's name.
   *
   * @return e.g. {@code test-myapp-website-config}
   */
  public String name() {
    return target.table();
  }

  /**
   * The role the table was named from, when it was.
   *
   * @return the role; empty when the settings name the table itself
   */
  public Optional<String> role() {
    return target.role();
  }

  /**
   * The attribute that holds an item's key: the table's hash key, of type S.
   *
   * @return {@code Parameter} unless the settings say otherwise
   */
  public String keyAttribute() {
    return settings.layout().keyAttribute();
  }

  /**
   * The attribute that holds an item's value.
   *
   * @return {@code Value} unless the settings say otherwise
   */
  public String valueAttribute() {
    return settings.layout().valueAttribute();
  }

  /**
   * The attribute that marks an item secret (BOOL true).
   *
   * @return {@code Secret} unless the settings say otherwise
   */
  public String secretAttribute() {
    return settings.layout().secretAttribute();
  }

  /**
   * A DynamoDB client as the source builds it: region and endpoint of the settings, else the AWS
   * SDK's chains; the SDK's default credentials chain; the library's retries. The caller closes it.
   *
   * @return a new client
   * @throws DynamoDbConfigException when the SDK cannot build it (no region, for instance)
   */
  public DynamoDbClient newClient() {
    return loader.newClient();
  }

  /**
   * Every item of the table, read as the source reads it (a paginated Scan, strongly consistent
   * unless the settings say otherwise, retried, within {@code dynamodb.config.timeout}), whatever
   * keys the settings declare.
   *
   * @param client the client to read with, which the caller owns
   * @return every item but the change stamp's (the keyring's included)
   * @throws DynamoDbConfigException naming table, region and cause, when the read fails
   */
  public List<Map<String, AttributeValue>> readItems(DynamoDbClient client) {
    return loader.readAll(client);
  }

  /**
   * What an application gets from {@code items}, and which of them are invalid and why.
   *
   * @param items items of this table, as {@link #readItems} returns them
   * @return the properties, the secret names and the invalid items
   */
  public Contents contents(List<Map<String, AttributeValue>> items) {
    return contents(settingItems(items), Map.of());
  }

  /**
   * What an application gets from {@code items}, the Secrets Manager secrets they reference read
   * with {@code client}'s region and credentials, as a load reads them.
   *
   * @param client the table's client, whose region Secrets Manager is asked in
   * @param items items of this table, as {@link #readItems} returns them
   * @return the properties, the secret names and the invalid items
   * @throws DynamoDbConfigException naming the secret and the IAM actions, when one is not read
   */
  public Contents contents(DynamoDbClient client, List<Map<String, AttributeValue>> items) {
    List<Map<String, AttributeValue>> settings = settingItems(items);
    return contents(
        settings,
        SecretReferences.withSecretsManager(this.settings, target)
            .resolve(
                settings,
                client.serviceClientConfiguration().region(),
                Deadline.after(this.settings.timeout())));
  }

  private List<Map<String, AttributeValue>> settingItems(List<Map<String, AttributeValue>> items) {
    return Keyring.split(ChangeStamp.split(items, keyAttribute()).items(), keyAttribute()).items();
  }

  private Contents contents(
      List<Map<String, AttributeValue>> settings,
      Map<String, SecretReferences.Resolved> references) {
    Converted converted =
        converter.toSnapshot(target.table(), settings, SealedItems.Unsealer.NO_KEYRING, references);
    Snapshot snapshot = converted.snapshot();
    return new Contents(
        snapshot.properties(), snapshot.secrets(), new ArrayList<>(converted.skipped()));
  }

  /**
   * Whether {@code item} references an AWS Secrets Manager secret instead of holding a value: its
   * properties are always secret.
   *
   * @param item an item of the table
   * @return true for a reference
   */
  public static boolean isReference(Map<String, AttributeValue> item) {
    return SecretReference.isReference(item);
  }

  /**
   * The item that references AWS Secrets Manager secret {@code secretId} under {@code key}: an
   * application gets the secret's value (or its JSON field {@code jsonKey}) as the property, always
   * secret.
   *
   * @param key the property name
   * @param secretId the secret's name or ARN
   * @param jsonKey the field of a JSON secret to take, if one
   * @param stage the staging label to read, if not {@code AWSCURRENT}
   * @return the item
   */
  public Map<String, AttributeValue> referenceItem(
      String key, String secretId, Optional<String> jsonKey, Optional<String> stage) {
    return new SecretReference(key, secretId, jsonKey, stage.orElse(SecretReference.CURRENT))
        .toItem(keyAttribute());
  }

  /**
   * The item that stores {@code value} under {@code key}: the key and value attributes, and the
   * secret flag when {@code secret} is true or the key matches {@code dynamodb.config.secret-keys}.
   * {@link #contents} tells whether a set of such items is valid.
   *
   * @param key the property name
   * @param value the value, of any DynamoDB type
   * @param secret whether to flag the item secret whatever its key
   * @return the item
   */
  public Map<String, AttributeValue> toItem(String key, AttributeValue value, boolean secret) {
    return converter.toItem(key, value, secret || settings.secretKeys().matches(key));
  }

  /**
   * Whether {@code key} matches {@code dynamodb.config.secret-keys}.
   *
   * @param key a property name
   * @return true when its value is secret by name
   */
  public boolean isSecretKey(String key) {
    return settings.secretKeys().matches(key);
  }

  /**
   * Marks a change in the table's change stamp (creating the stamp the first time): {@code writing}
   * true before the items of a change of several items are written, false (done) after them, or
   * after a change of one item. A refresh never publishes a change marked in progress, and an
   * unchanged stamp lets it skip reading the table.
   *
   * @param client the client to write with, which the caller owns
   * @param writing true before the writes of a change, false once it is done
   * @throws DynamoDbConfigException naming the table and the IAM action, when the write fails
   */
  public void markChange(DynamoDbClient client, boolean writing) {
    try {
      new ChangeStampStore(client, name(), keyAttribute()).mark(writing, java.time.Instant.now());
    } catch (SdkException e) {
      throw failure(client, TableAction.UPDATE_ITEM, e);
    }
  }

  /**
   * Whether {@code key} is the key of the table's change stamp item or of its keyring item, which
   * are no settings.
   *
   * @param key an item's key
   * @return true for the change stamp's and the keyring's keys
   */
  public static boolean isReservedKey(String key) {
    return ChangeStamp.KEY.equals(key) || Keyring.KEY.equals(key);
  }

  Settings settings() {
    return settings;
  }

  TableTarget target() {
    return target;
  }

  /**
   * Whether {@code value} stored under {@code key} gives an application nothing: NULL, an empty
   * string, or an empty list, set or map, which MicroProfile Config reads as absent. An invalid
   * value is not empty; {@link #contents} says why it is invalid.
   *
   * @param key the item's key, for the property names of a map
   * @param value the stored value
   * @return true when the application gets no property from it
   */
  public boolean isEmpty(String key, AttributeValue value) {
    try {
      return AttributeValues.toProperties(key, value).isEmpty();
    } catch (AttributeValues.InvalidValueException e) {
      return false;
    }
  }

  /**
   * The failure of a request on this table, worded as the source words its own: table missing,
   * access denied (naming {@code iamAction} and the table's ARN), no credentials, DynamoDB not
   * reachable or an unknown region, the time budget exceeded.
   *
   * @param client the client that sent the request, for its region
   * @param iamAction the request's IAM action: {@code dynamodb:} followed by {@code GetItem},
   *     {@code PutItem}, {@code UpdateItem}, {@code BatchWriteItem}, {@code DeleteItem}, {@code
   *     DescribeTable}, {@code CreateTable}, {@code Scan} or {@code BatchGetItem}
   * @param e what the AWS SDK threw
   * @return the exception to throw
   * @throws IllegalArgumentException when {@code iamAction} is none of those
   */
  public DynamoDbConfigException failure(DynamoDbClient client, String iamAction, Exception e) {
    return failure(client, TableAction.of(iamAction), e);
  }

  private DynamoDbConfigException failure(DynamoDbClient client, TableAction action, Exception e) {
    return LoadFailures.of(
        settings, target, client.serviceClientConfiguration().region(), action, e);
  }

  /**
   * {@code key} in quotes as the library's messages quote keys: control characters and whitespace
   * other than a space escaped, so that a key cannot forge a line of output.
   *
   * @param key a key or any text read from a table
   * @return the text escaped, in single quotes
   */
  public static String quoted(String key) {
    return MessageText.quoted(key);
  }

  /**
   * {@code text} escaped as the library escapes keys and values in its output, without quotes:
   * control characters and whitespace other than a space as Unicode escapes.
   *
   * @param text a key or value read from a table or a file
   * @return the text on one line
   */
  public static String escaped(String text) {
    return MessageText.escaped(text);
  }

  /**
   * What the library shows instead of a secret value, in every line it prints.
   *
   * @return {@code ***}
   */
  public static String secretMask() {
    return SecretMatcher.MASK;
  }

  /** The table, never a value. */
  @Override
  public String toString() {
    return "ConfigTable[" + target.describe() + "]";
  }
}
