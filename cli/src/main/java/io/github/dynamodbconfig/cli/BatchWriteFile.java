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

import static io.github.dynamodbconfig.cli.DynamoJson.at;
import static io.github.dynamodbconfig.cli.DynamoJson.next;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.cli.DynamoJson.FormatException;
import io.github.dynamodbconfig.cli.ImportFile.Attributes;
import io.github.dynamodbconfig.cli.ImportFile.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The request file of {@code aws dynamodb batch-write-item --request-items}: an object of one table
 * name to a list of {@code {"PutRequest": {"Item": {...}}}}, each item holding the key attribute
 * (S), the value attribute and, optionally, the secret attribute (BOOL), in DynamoDB's typed JSON.
 * The table name in the file does not choose the table: the tool's options do.
 */
final class BatchWriteFile {

  private final List<String> problems;
  private final Attributes attributes;

  /** One item of the file as read: its key, value and secret flag, and its problems. */
  private static final class Item {
    String key;
    AttributeValue value;
    boolean secret;
    final List<String> problems = new ArrayList<>();
  }

  /** Problems of single items go to {@code problems}; the file's structure throws. */
  BatchWriteFile(List<String> problems, Attributes attributes) {
    this.problems = problems;
    this.attributes = attributes;
  }

  List<Entry> entries(String text) throws FormatException {
    List<Entry> entries = new ArrayList<>();
    try (JsonParser parser = DynamoJson.parser(text)) {
      expect(parser, JsonToken.START_OBJECT, FileMessages.TABLES_OBJECT);
      int tables = 0;
      while (next(parser) == JsonToken.FIELD_NAME) {
        if (++tables > 1) {
          throw new FormatException(FileMessages.MORE_TABLES, at(parser));
        }
        expect(parser, JsonToken.START_ARRAY, FileMessages.REQUESTS_LIST);
        while (next(parser) != JsonToken.END_ARRAY) {
          Entry entry = request(parser);
          if (entry != null) {
            entries.add(entry);
          }
        }
      }
      if (next(parser) != null) {
        throw new FormatException(FileMessages.TEXT_AFTER_FILE, at(parser));
      }
    } catch (IOException e) {
      throw FormatException.of(e);
    }
    return entries;
  }

  /** The entry of one request, or null when its item has problems (added to the file's). */
  private Entry request(JsonParser parser) throws FormatException, IOException {
    int line = parser.currentTokenLocation().getLineNr();
    if (parser.currentToken() != JsonToken.START_OBJECT || next(parser) != JsonToken.FIELD_NAME) {
      throw new FormatException(FileMessages.REQUEST_OBJECT, at(parser));
    }
    String kind = parser.currentName();
    if (!kind.equals("PutRequest")) {
      throw new FormatException(ImportMessages.LINE, line, FileMessages.NOT_PUT.format(kind));
    }
    expect(parser, JsonToken.START_OBJECT, FileMessages.PUT_OBJECT);
    if (next(parser) != JsonToken.FIELD_NAME || !"Item".equals(parser.currentName())) {
      throw new FormatException(FileMessages.NO_ITEM, at(parser));
    }
    expect(parser, JsonToken.START_OBJECT, FileMessages.ITEM_OBJECT);
    Item item = item(parser);
    close(parser, 2); // Item's PutRequest object, then the request object
    if (!item.problems.isEmpty()) {
      String which =
          item.key == null
              ? FileMessages.AN_ITEM.format()
              : FileMessages.THE_ITEM.format(ConfigTable.quoted(item.key));
      item.problems.forEach(
          p ->
              problems.add(
                  ImportMessages.LINE.format(line, FileMessages.ITEM_PROBLEM.format(which, p))));
      return null;
    }
    return new Entry(item.key, item.value, item.secret, line);
  }

  /** The attributes of an item, up to the end of its object. */
  private Item item(JsonParser parser) throws FormatException, IOException {
    Item item = new Item();
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      next(parser);
      AttributeValue attribute = TypedJson.read(parser);
      if (name.equals(attributes.key())) {
        item.key = attribute.s();
        if (item.key == null) {
          item.problems.add(FileMessages.KEY_NOT_S.format(attributes.key()));
        }
      } else if (name.equals(attributes.value())) {
        item.value = attribute;
      } else if (name.equals(attributes.secret()) && attribute.bool() != null) {
        item.secret = attribute.bool();
      } else if (name.equals(attributes.secret())) {
        item.problems.add(FileMessages.SECRET_NOT_BOOL.format(name));
      } else {
        item.problems.add(
            FileMessages.OTHER_ATTRIBUTE.format(
                ConfigTable.quoted(name),
                attributes.key(),
                attributes.value(),
                attributes.secret()));
      }
    }
    if (item.key == null && item.problems.isEmpty()) {
      item.problems.add(FileMessages.NO_KEY.format(attributes.key()));
    }
    if (item.value == null && item.problems.isEmpty()) {
      item.problems.add(FileMessages.NO_VALUE.format(attributes.value()));
    }
    return item;
  }

  private static void close(JsonParser parser, int objects) throws FormatException, IOException {
    for (int i = 0; i < objects; i++) {
      if (next(parser) != JsonToken.END_OBJECT) {
        throw new FormatException(FileMessages.UNEXPECTED, parser.currentName(), at(parser));
      }
    }
  }

  private static void expect(JsonParser parser, JsonToken token, Message what)
      throws FormatException {
    if (next(parser) != token) {
      throw new FormatException(what, at(parser));
    }
  }
}
