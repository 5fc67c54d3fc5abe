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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads DynamoDB values from JSON, in the two forms the tool reads and writes: plain JSON (strings
 * are S, numbers N, booleans BOOL, arrays L, objects M, null NULL) here, and DynamoDB's typed JSON
 * ({@code {"S": "x"}}, as {@code aws dynamodb} reads and writes it) in {@link TypedJson}; {@link
 * DynamoJsonWriter} writes them. Duplicate object keys are an error, with their line and column; no
 * message quotes a value, which may be secret.
 */
final class DynamoJson {

  static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** A file or value that is not what its format needs; the message names where. */
  static final class FormatException extends Exception {

    private static final long serialVersionUID = 1L;

    FormatException(Message message, Object... args) {
      super(message.format(args));
    }

    private FormatException(String message) {
      super(message);
    }

    /** This failure, with where it is ({@code at line L, column C}) after its message. */
    FormatException at(String where) {
      return new FormatException(getMessage() + " " + where);
    }

    /** The failure of Jackson's reading, as it words it. */
    static FormatException of(IOException e) {
      return new FormatException(e.getMessage());
    }
  }

  private DynamoJson() {}

  /**
   * A pretty-printing generator on {@code out} that leaves {@code out} open when it is closed.
   *
   * @throws IOException when Jackson cannot create it
   */
  static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.useDefaultPrettyPrinter();
    return json;
  }

  /** A parser of {@code text}, strict about duplicate keys. */
  static JsonParser parser(String text) throws FormatException {
    try {
      return FACTORY.createParser(text);
    } catch (IOException e) {
      throw FormatException.of(e);
    }
  }

  /** The next token, with Jackson's failures as a {@link FormatException} naming where. */
  static JsonToken next(JsonParser parser) throws FormatException {
    try {
      return parser.nextToken();
    } catch (JsonProcessingException e) {
      throw new FormatException(withoutTokens(e.getOriginalMessage()) + " " + at(e.getLocation()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Jackson's message without the text it quotes: that text may be a secret value ({@code
   * Unrecognized token 'hunter2'}). A duplicate key's name is kept: it is a key, not a value.
   */
  static String withoutTokens(String message) {
    String text = String.valueOf(message);
    if (text.startsWith("Duplicate field")) {
      return text;
    }
    int colon = text.indexOf(": was expecting");
    String head = colon < 0 ? text : text.substring(0, colon);
    return head.replaceAll("'[^']*'", "'…'").replaceAll("\\([^)]*\\)", "").strip();
  }

  /**
   * {@code text} when DynamoDB accepts it as a number: at most 38 significant digits, a magnitude
   * from 1E-130 to 1E126 (or zero). The message never holds the text, which may be secret.
   */
  static String checkedNumber(String text) throws FormatException {
    BigDecimal number;
    try {
      number = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new FormatException(FileMessages.NOT_A_NUMBER);
    }
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.signum() != 0) {
      int exponent = stripped.precision() - stripped.scale() - 1;
      if (stripped.precision() > 38 || exponent > 125 || exponent < -130) {
        throw new FormatException(FileMessages.NUMBER_RANGE);
      }
    }
    return text.trim();
  }

  /** "at line L, column C" of the parser's current token. */
  static String at(JsonParser parser) {
    return at(parser.currentTokenLocation());
  }

  private static String at(JsonLocation location) {
    return location == null
        ? ""
        : FileMessages.AT.format(location.getLineNr(), location.getColumnNr());
  }

  /** The text of the parser's current token. */
  static String text(JsonParser parser) {
    try {
      return parser.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the JSON value that starts at the parser's current token. */
  interface ValueReader {
    AttributeValue read(JsonParser parser) throws FormatException;
  }

  /**
   * The object that starts at the parser's current token as a map (M), each member's value read by
   * {@code values}.
   */
  static AttributeValue map(JsonParser parser, ValueReader values) throws FormatException {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = text(parser);
      next(parser);
      map.put(name, values.read(parser));
    }
    return AttributeValue.fromM(map);
  }

  /** The plain JSON value that starts at the parser's current token. */
  static AttributeValue readPlain(JsonParser parser) throws FormatException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new FormatException(FileMessages.VALUE_MISSING, at(parser));
    }
    switch (token) {
      case START_OBJECT:
        return map(parser, DynamoJson::readPlain);
      case START_ARRAY:
        List<AttributeValue> list = new ArrayList<>();
        while (next(parser) != JsonToken.END_ARRAY) {
          list.add(readPlain(parser));
        }
        return AttributeValue.fromL(list);
      case VALUE_STRING:
        return AttributeValue.fromS(text(parser));
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return AttributeValue.fromN(text(parser));
      case VALUE_TRUE:
      case VALUE_FALSE:
        return AttributeValue.fromBool(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return AttributeValue.fromNul(true);
      default:
        throw new FormatException(FileMessages.UNEXPECTED, token, at(parser));
    }
  }
}
