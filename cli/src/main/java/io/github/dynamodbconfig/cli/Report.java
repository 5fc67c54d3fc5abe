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
package io.github.dynamodbconfig.cli;

import io.github.dynamodbconfig.cli.RequiredKeys.Requirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a command did, as one value: {@link TextPrinter} prints it as lines for people, {@link
 * JsonPrinter} as one JSON document for scripts. Values are kept as they are; the printers decide
 * how they are shown.
 */
interface Report {

  /** Hands this report to the printer's method for its kind. */
  <T> T accept(Printer<T> printer);

  /** Prints each kind of report. */
  interface Printer<T> {
    T init(Init report);

    T importing(Import report);

    T changes(Changes report);

    T unset(Unset report);

    T get(Get report);

    T diff(Diff report);

    T check(Check report);

    T seal(Seal report);

    T rekey(Rekey report);

    T rewrap(Rewrap report);

    T link(Link report);
  }

  /**
   * {@code init}: the table created, or found with the right key schema.
   *
   * @param billing how a created table is billed
   */
  record Init(String table, boolean created, String key, String billing, Keyring keyring)
      implements Report {
    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.init(this);
    }
  }

  /**
   * {@code seal}: the secrets it sealed, or would seal in a dry run.
   *
   * @param keys the keys of those secrets, sorted
   * @param unsealable the keys of the secrets in plain text that are no strings, sorted
   */
  record Seal(String table, List<String> keys, List<String> unsealable, boolean dryRun)
      implements Report {
    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.seal(this);
    }
  }

  /**
   * {@code rekey}: the sealed items it sealed again with a new data key, or would in a dry run.
   *
   * @param dataKey the new data key's id; empty in a dry run
   * @param kmsKey the KMS key that wraps it
   * @param keys the keys of the items sealed again, sorted
   * @param kept the ids of the data keys it could not retire, sorted; empty when it retired all
   */
  record Rekey(
      String table,
      String dataKey,
      String kmsKey,
      List<String> keys,
      List<String> kept,
      boolean dryRun)
      implements Report {
    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.rekey(this);
    }
  }

  /**
   * {@code rewrap}: the table's data keys wrapped by another KMS key, or that would be.
   *
   * @param dataKeys how many data keys the keyring holds
   */
  record Rewrap(String table, String kmsKey, int dataKeys, boolean dryRun) implements Report {
    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.rewrap(this);
    }
  }

  /**
   * {@code link}: the key that now references a Secrets Manager secret.
   *
   * @param properties the names of the properties the secret gives, sorted
   * @param linked whether it wrote the item (else: it referenced that secret already)
   */
  record Link(
      String table,
      String key,
      String secretId,
      Optional<String> jsonKey,
      Optional<String> stage,
      List<String> properties,
      boolean linked)
      implements Report {
    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.link(this);
    }
  }

  /**
   * What {@code init --kms-key} did to the table's keyring.
   *
   * @param made whether it made one (else: none was asked for, or the table had one)
   * @param kmsKey the KMS key of the keyring it made; empty otherwise
   */
  record Keyring(boolean made, String kmsKey) {
    static final Keyring NONE = new Keyring(false, "");
    static final Keyring EXISTS = new Keyring(false, "exists");

    boolean asked() {
      return made || this == EXISTS;
    }
  }

  /**
   * {@code import}: its plan and what of it was written.
   *
   * @param written how many changes were written
   * @param wroteAll whether the changes were written, all of them
   */
  record Import(String table, boolean dryRun, ImportPlan plan, int written, boolean wroteAll)
      implements Report {
    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.importing(this);
    }
  }

  /** {@code set}: the change it made, if any. */
  record Changes(String table, ImportPlan plan) implements Report {
    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.changes(this);
    }
  }

  /** {@code unset}: the keys removed, and those that were not set. */
  record Unset(String table, List<String> removed, List<String> notSet) implements Report {
    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.unset(this);
    }
  }

  /**
   * {@code get}: what an application reads from a key.
   *
   * @param properties each property the key gives, its value as shown (escaped, or masked)
   */
  record Get(String key, boolean secret, Map<String, String> properties) implements Report {
    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.get(this);
    }
  }

  /** {@code diff}: the keys only in either table, and those whose values differ. */
  record Diff(
      String a, String b, List<String> onlyInA, List<String> onlyInB, List<Difference> different)
      implements Report {

    /** A key whose values differ; {@code secret} when either side is secret (values not shown). */
    record Difference(String key, AttributeValue a, AttributeValue b, boolean secret) {}

    boolean same() {
      return onlyInA.isEmpty() && onlyInB.isEmpty() && different.isEmpty();
    }

    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.diff(this);
    }
  }

  /** {@code check}: what the application requires, and which of it is missing. */
  record Check(
      String table, String application, int classes, long requiredKeys, List<Requirement> missing)
      implements Report {
    @Override
    public <T> T accept(Printer<T> printer) {
      return printer.check(this);
    }
  }
}
