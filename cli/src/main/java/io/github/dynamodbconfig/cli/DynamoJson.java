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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads DynamoDB values from JSON, in the two forms the tool reads and writes: plain JSON (strings
 * are S, numbers N, booleans BOOL, arrays L, objects M, null NULL) and DynamoDB's typed JSON
 * ({@code {"S": "x"}}, as {@code aws dynamodb} reads and writes it); {@link DynamoJsonWriter}
 * writes them. Duplicate object keys are an error, with their line and column; no message quotes a
 * value, which may be secret.
 */
final class DynamoJson {

  static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** A file or value that is not what its format needs; the message names where. */
  static final class FormatException extends Exception {
    FormatException(String message) {
      super(message);
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
      throw new FormatException(e.getMessage());
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
      throw new FormatException("a value is not a number");
    }
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.signum() != 0) {
      int exponent = stripped.precision() - stripped.scale() - 1;
      if (stripped.precision() > 38 || exponent > 125 || exponent < -130) {
        throw new FormatException(
            "a number is outside what DynamoDB stores (38 significant digits, 1E-130 to 1E126)");
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
        : "at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** The plain JSON value that starts at the parser's current token. */
  static AttributeValue readPlain(JsonParser parser) throws FormatException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new FormatException("a value is missing " + at(parser));
    }
    switch (token) {
      case START_OBJECT:
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        while (next(parser) == JsonToken.FIELD_NAME) {
          String name = text(parser);
          next(parser);
          map.put(name, readPlain(parser));
        }
        return AttributeValue.fromM(map);
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
        return AttributeValue.fromBool(true);
      case VALUE_FALSE:
        return AttributeValue.fromBool(false);
      case VALUE_NULL:
        return AttributeValue.fromNul(true);
      default:
        throw new FormatException("unexpected " + token + " " + at(parser));
    }
  }

  /** The typed JSON value ({@code {"S": "x"}}) that starts at the parser's current token. */
  static AttributeValue readTyped(JsonParser parser) throws FormatException {
    String where = at(parser);
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new FormatException("a typed value such as {\"S\": \"text\"} is expected " + where);
    }
    if (next(parser) != JsonToken.FIELD_NAME) {
      throw new FormatException("a typed value has no type " + where);
    }
    String type = text(parser);
    next(parser);
    AttributeValue value = typed(type, parser, where);
    if (next(parser) != JsonToken.END_OBJECT) {
      throw new FormatException("a typed value has more than one type " + where);
    }
    return value;
  }

  private static AttributeValue typed(String type, JsonParser parser, String where)
      throws FormatException {
    JsonToken token = parser.currentToken();
    switch (type) {
      case "S":
        return AttributeValue.fromS(scalar(parser, token, JsonToken.VALUE_STRING, type));
      case "N":
        return AttributeValue.fromN(number(parser, token));
      case "B":
        return AttributeValue.fromB(binary(scalar(parser, token, JsonToken.VALUE_STRING, type)));
      case "BOOL":
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
          throw new FormatException("BOOL needs true or false " + at(parser));
        }
        return AttributeValue.fromBool(token == JsonToken.VALUE_TRUE);
      case "NULL":
        if (token != JsonToken.VALUE_TRUE) {
          throw new FormatException("NULL needs true " + at(parser));
        }
        return AttributeValue.fromNul(true);
      case "SS":
      case "NS":
      case "BS":
      case "L":
        return list(type, parser);
      case "M":
        if (token != JsonToken.START_OBJECT) {
          throw new FormatException("M needs an object " + at(parser));
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        while (next(parser) == JsonToken.FIELD_NAME) {
          String name = text(parser);
          next(parser);
          map.put(name, readTyped(parser));
        }
        return AttributeValue.fromM(map);
      default:
        throw new FormatException(
            "unknown type '" + type + "' " + where + " (S, N, B, BOOL, NULL, SS, NS, BS, L, M)");
    }
  }

  private static AttributeValue list(String type, JsonParser parser) throws FormatException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new FormatException(type + " needs an array " + at(parser));
    }
    List<AttributeValue> elements = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<SdkBytes> bytes = new ArrayList<>();
    while (next(parser) != JsonToken.END_ARRAY) {
      JsonToken token = parser.currentToken();
      switch (type) {
        case "L" -> elements.add(readTyped(parser));
        case "NS" -> texts.add(number(parser, token));
        case "SS" -> texts.add(scalar(parser, token, JsonToken.VALUE_STRING, type));
        default -> bytes.add(binary(scalar(parser, token, JsonToken.VALUE_STRING, type)));
      }
    }
    if (type.equals("NS")
        ? texts.stream().map(t -> new BigDecimal(t).stripTrailingZeros()).distinct().count()
            < texts.size()
        : new java.util.HashSet<>(type.equals("BS") ? bytes : texts).size()
            < Math.max(texts.size(), bytes.size())) {
      throw new FormatException("a set " + type + " holds an element twice " + at(parser));
    }
    return switch (type) {
      case "L" -> AttributeValue.fromL(elements);
      case "SS" -> AttributeValue.fromSs(texts);
      case "NS" -> AttributeValue.fromNs(texts);
      default -> AttributeValue.fromBs(bytes);
    };
  }

  private static String number(JsonParser parser, JsonToken token) throws FormatException {
    // The AWS CLI writes numbers as strings ({"N": "5432"}); a JSON number is accepted too.
    if (token == JsonToken.VALUE_STRING
        || token == JsonToken.VALUE_NUMBER_INT
        || token == JsonToken.VALUE_NUMBER_FLOAT) {
      try {
        return checkedNumber(text(parser));
      } catch (FormatException e) {
        throw new FormatException(e.getMessage() + " " + at(parser));
      }
    }
    throw new FormatException("N needs a number " + at(parser));
  }

  private static String scalar(JsonParser parser, JsonToken token, JsonToken wanted, String type)
      throws FormatException {
    if (token != wanted) {
      throw new FormatException(type + " needs a string " + at(parser));
    }
    return text(parser);
  }

  private static SdkBytes binary(String base64) throws FormatException {
    try {
      return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw new FormatException("a binary value is not Base64");
    }
  }

  private static String text(JsonParser parser) {
    try {
      return parser.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
