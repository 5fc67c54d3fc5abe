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

import static io.github.dynamodbconfig.cli.Message.Level.DETAIL;
import static io.github.dynamodbconfig.cli.Message.Level.ERROR;
import static io.github.dynamodbconfig.cli.Message.Level.OUTPUT;
import static io.github.dynamodbconfig.cli.Message.Level.PART;

/** Messages of a table and of writing to it ({@code init}, every write): DDBCFG-1100 to 1199. */
final class TableMessages {

  static final Message KEY_SCHEMA = new Message(1101, PART, "HASH %s (S)");

  static final Message OTHER_KEY_SCHEMA =
      new Message(1102, ERROR, "Table '%s' exists with key schema %s; the config source needs %s");

  static final Message CREATED =
      new Message(1103, OUTPUT, "Created table '%s' with key %s, %s billing: it is ACTIVE");

  static final Message EXISTS =
      new Message(1104, OUTPUT, "Table '%s' already exists with key %s: nothing to do");

  static final Message ON_DEMAND = new Message(1105, PART, "on-demand");

  static final Message PROVISIONED = new Message(1106, PART, "provisioned %d read, %d write");

  static final Message UNPROCESSED =
      new Message(
          1120,
          PART,
          "DynamoDB left %s of table '%s' unprocessed after %d attempts (throttled: raise the"
              + " table's write capacity, or run the command again)");

  static final Message WRITE_FAILED = new Message(1121, PART, "Writing failed unexpectedly: %s");

  static final Message INTERRUPTED = new Message(1122, PART, "Interrupted while writing");

  static final Message WRITTEN = new Message(1130, DETAIL, "written: %d of %s");

  static final Message NOT_WRITTEN = new Message(1131, DETAIL, "not written: %d (%s)");

  static final Message RUN_AGAIN =
      new Message(
          1132,
          DETAIL,
          "Run the same command again to write the rest: what is written is not written twice.");

  static final Message NO_RETRY =
      new Message(
          1133,
          DETAIL,
          "Running the same command again would fail the same way: DynamoDB refuses the request as"
              + " it is. Correct or leave out what it refuses (its reason is above; it is among the"
              + " keys not written), then run the command again: what is written is not written"
              + " twice.");

  static final Message STAMP_WRITING =
      new Message(
          1134,
          DETAIL,
          "The table's change stamp stays 'writing' until the change is complete: running"
              + " applications hold the change back, for at most"
              + " dynamodb.config.refresh-full-interval, then read the table as it is.");

  static final Message STAMP_NOT_DONE =
      new Message(
          1140,
          ERROR,
          "The change is written to table '%s' (%s), but its change stamp could not be marked done:"
              + " %s");

  static final Message STAMP_NEXT =
      new Message(
          1141,
          DETAIL,
          "Running applications hold the change back until the stamp is marked done, for at most"
              + " dynamodb.config.refresh-full-interval; the next change this tool writes to the table"
              + " marks it done.");

  static final Message KEYRING_MADE =
      new Message(
          1150,
          OUTPUT,
          "Made the keyring of table '%s': its data key is wrapped by KMS key %s, and secret values"
              + " set from now on are sealed with it");

  static final Message KEYRING_EXISTS =
      new Message(1151, OUTPUT, "Table '%s' already has a keyring: nothing to do");

  static final Message ONLY_STRINGS_SEALED =
      new Message(
          1152,
          ERROR,
          "Table '%s' seals its secret values, and only a string value can be sealed: %s is of"
              + " type %s");

  static final Message NO_KEYRING =
      new Message(
          1153,
          ERROR,
          "Table '%s' has no keyring, so nothing can be sealed: give it one with init --kms-key");

  static final Message SEALED = new Message(1154, OUTPUT, "Sealed %s of table '%s': %s");

  static final Message WOULD_SEAL =
      new Message(1155, OUTPUT, "Would seal %s of table '%s': %s (dry run: nothing written)");

  static final Message NOTHING_TO_SEAL =
      new Message(1156, OUTPUT, "Every secret of table '%s' is sealed: nothing to do");

  static final Message CANNOT_SEAL =
      new Message(
          1157,
          OUTPUT,
          "%s of table '%s' cannot be sealed, only a string can: %s (left in plain text)");

  static final Message RESEALED =
      new Message(
          1158,
          OUTPUT,
          "Sealed %s of table '%s' again with its new data key %s, wrapped by KMS key %s; the data"
              + " keys before it are retired");

  static final Message WOULD_RESEAL =
      new Message(
          1159,
          OUTPUT,
          "Would seal %s of table '%s' again with a new data key wrapped by KMS key %s (dry run:"
              + " nothing written)");

  static final Message REWRAPPED =
      new Message(
          1160,
          OUTPUT,
          "Wrapped %s of table '%s' with KMS key %s; no sealed value was written again");

  static final Message WOULD_REWRAP =
      new Message(
          1161, OUTPUT, "Would wrap %s of table '%s' with KMS key %s (dry run: nothing written)");

  static final Message KEYRING_CHANGED =
      new Message(
          1162,
          ERROR,
          "The keyring of table '%s' was changed by another writer while this command ran, and"
              + " this command did not replace it: run the command again");

  static final Message LINKED =
      new Message(
          1163, OUTPUT, "Linked %s of table '%s' to Secrets Manager secret %s, which gives %s: %s");

  static final Message ALREADY_LINKED =
      new Message(
          1164,
          OUTPUT,
          "%s of table '%s' already references Secrets Manager secret %s, which gives %s: %s;"
              + " nothing to do");

  static final Message ITEM_CHANGED =
      new Message(
          1165,
          ERROR,
          "%s of table '%s' was changed by another writer while rekey sealed it again, and is left"
              + " as that writer wrote it; the keys before the new one stay in the keyring: run"
              + " rekey again");

  static final Message RESEALED_KEPT =
      new Message(
          1166,
          OUTPUT,
          "Sealed %s of table '%s' again with its new data key %s, wrapped by KMS key %s; kept %s"
              + " (%s), with which another writer sealed values meanwhile: run rekey again to"
              + " retire them");

  private TableMessages() {}
}
