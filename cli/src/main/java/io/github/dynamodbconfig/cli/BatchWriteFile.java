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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.cli.DynamoJson.FormatException;
import io.github.dynamodbconfig.cli.ImportFile.Attributes;
import io.github.dynamodbconfig.cli.ImportFile.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The request file of {@code aws dynamodb batch-write-item --request-items}: an object of one table
 * name to a list of {@code {"PutRequest": {"Item": {...}}}}, each item holding the key attribute
 * (S), the value attribute and, optionally, the secret attribute (BOOL), in DynamoDB's typed JSON.
 * The table name in the file does not choose the table: the tool's options do.
 */
final class BatchWriteFile {

  private final List<String> problems;

  /** Problems of single items go to {@code problems}; the file's structure throws. */
  BatchWriteFile(List<String> problems) {
    this.problems = problems;
  }

  List<Entry> entries(String text, Attributes attributes) throws FormatException {
    List<Entry> entries = new ArrayList<>();
    try (JsonParser parser = DynamoJson.parser(text)) {
      expect(parser, JsonToken.START_OBJECT, "an object of a table name to its requests");
      int tables = 0;
      while (DynamoJson.next(parser) == JsonToken.FIELD_NAME) {
        if (++tables > 1) {
          throw new FormatException(
              "the file holds requests for more than one table "
                  + DynamoJson.at(parser)
                  + "; import one table at a time");
        }
        expect(parser, JsonToken.START_ARRAY, "a list of PutRequest entries");
        while (DynamoJson.next(parser) != JsonToken.END_ARRAY) {
          Entry entry = request(parser, attributes);
          if (entry != null) {
            entries.add(entry);
          }
        }
      }
      if (DynamoJson.next(parser) != null) {
        throw new FormatException(
            "text after the file's object "
                + DynamoJson.at(parser)
                + " (one file holds one object; import each file on its own)");
      }
    } catch (IOException e) {
      throw new FormatException(e.getMessage());
    }
    return entries;
  }

  private Entry request(JsonParser parser, Attributes attributes)
      throws FormatException, IOException {
    int line = parser.currentTokenLocation().getLineNr();
    if (parser.currentToken() != JsonToken.START_OBJECT
        || DynamoJson.next(parser) != JsonToken.FIELD_NAME) {
      throw new FormatException("a request object is expected " + DynamoJson.at(parser));
    }
    String kind = parser.currentName();
    if (!kind.equals("PutRequest")) {
      throw new FormatException(
          "line " + line + ": " + kind + " is not supported; an import only puts items");
    }
    expect(parser, JsonToken.START_OBJECT, "{\"Item\": {...}}");
    if (DynamoJson.next(parser) != JsonToken.FIELD_NAME || !"Item".equals(parser.currentName())) {
      throw new FormatException("PutRequest needs an Item " + DynamoJson.at(parser));
    }
    expect(parser, JsonToken.START_OBJECT, "an item of typed attributes");
    String key = null;
    software.amazon.awssdk.services.dynamodb.model.AttributeValue value = null;
    boolean secret = false;
    List<String> itemProblems = new ArrayList<>();
    while (DynamoJson.next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      DynamoJson.next(parser);
      var attribute = DynamoJson.readTyped(parser);
      if (name.equals(attributes.key())) {
        key = attribute.s();
        if (key == null) {
          itemProblems.add("its key attribute '" + attributes.key() + "' is not of type S");
        }
      } else if (name.equals(attributes.value())) {
        value = attribute;
      } else if (name.equals(attributes.secret())) {
        if (attribute.bool() == null) {
          itemProblems.add("its secret attribute '" + name + "' is not of type BOOL");
        } else {
          secret = attribute.bool();
        }
      } else {
        itemProblems.add(
            "attribute "
                + ConfigTable.quoted(name)
                + " is none of the table's ("
                + attributes.key()
                + ", "
                + attributes.value()
                + ", "
                + attributes.secret()
                + ") and would be lost");
      }
    }
    close(parser, 2); // Item's PutRequest object, then the request object
    if (key == null && itemProblems.isEmpty()) {
      itemProblems.add("it has no key attribute '" + attributes.key() + "'");
    }
    if (value == null && itemProblems.isEmpty()) {
      itemProblems.add("it has no value attribute '" + attributes.value() + "'");
    }
    if (!itemProblems.isEmpty()) {
      String which = key == null ? "an item" : "item " + ConfigTable.quoted(key);
      itemProblems.forEach(p -> problems.add("line " + line + ": " + which + ": " + p));
      return null;
    }
    return new Entry(key, value, secret, line);
  }

  private static void close(JsonParser parser, int objects) throws FormatException, IOException {
    for (int i = 0; i < objects; i++) {
      if (DynamoJson.next(parser) != JsonToken.END_OBJECT) {
        throw new FormatException(
            "unexpected " + parser.currentName() + " " + DynamoJson.at(parser));
      }
    }
  }

  private static void expect(JsonParser parser, JsonToken token, String what)
      throws FormatException {
    if (DynamoJson.next(parser) != token) {
      throw new FormatException(what + " is expected " + DynamoJson.at(parser));
    }
  }
}
