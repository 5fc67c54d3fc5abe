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
import static io.github.dynamodbconfig.cli.DynamoJson.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dynamodbconfig.cli.DynamoJson.FormatException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads DynamoDB's typed JSON ({@code {"S": "x"}}), as {@code aws dynamodb} writes it: every type,
 * numbers checked as DynamoDB stores them, no set holding an element twice.
 */
final class TypedJson {

  private TypedJson() {}

  /** The typed JSON value ({@code {"S": "x"}}) that starts at the parser's current token. */
  static AttributeValue read(JsonParser parser) throws FormatException {
    String where = at(parser);
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new FormatException(FileMessages.TYPED_EXPECTED, where);
    }
    if (next(parser) != JsonToken.FIELD_NAME) {
      throw new FormatException(FileMessages.NO_TYPE, where);
    }
    String type = text(parser);
    next(parser);
    AttributeValue value = typed(type, parser, where);
    if (next(parser) != JsonToken.END_OBJECT) {
      throw new FormatException(FileMessages.TWO_TYPES, where);
    }
    return value;
  }

  private static AttributeValue typed(String type, JsonParser parser, String where)
      throws FormatException {
    JsonToken token = parser.currentToken();
    return switch (type) {
      case "S" -> AttributeValue.fromS(string(parser, token, type));
      case "N" -> AttributeValue.fromN(number(parser, token));
      case "B" -> AttributeValue.fromB(binary(string(parser, token, type)));
      case "BOOL" -> {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
          throw new FormatException(FileMessages.BOOL_VALUE, at(parser));
        }
        yield AttributeValue.fromBool(token == JsonToken.VALUE_TRUE);
      }
      case "NULL" -> {
        if (token != JsonToken.VALUE_TRUE) {
          throw new FormatException(FileMessages.NULL_VALUE, at(parser));
        }
        yield AttributeValue.fromNul(true);
      }
      case "SS", "NS", "BS", "L" -> list(type, parser);
      case "M" -> map(parser);
      default -> throw new FormatException(FileMessages.UNKNOWN_TYPE, type, where);
    };
  }

  private static AttributeValue map(JsonParser parser) throws FormatException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new FormatException(FileMessages.M_VALUE, at(parser));
    }
    return DynamoJson.map(parser, TypedJson::read);
  }

  private static AttributeValue list(String type, JsonParser parser) throws FormatException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new FormatException(FileMessages.NEEDS_ARRAY, type, at(parser));
    }
    List<AttributeValue> elements = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<SdkBytes> bytes = new ArrayList<>();
    while (next(parser) != JsonToken.END_ARRAY) {
      JsonToken token = parser.currentToken();
      switch (type) {
        case "L" -> elements.add(read(parser));
        case "NS" -> texts.add(number(parser, token));
        case "SS" -> texts.add(string(parser, token, type));
        default -> bytes.add(binary(string(parser, token, type)));
      }
    }
    if (type.equals("NS")
        ? texts.stream().map(t -> new BigDecimal(t).stripTrailingZeros()).distinct().count()
            < texts.size()
        : new HashSet<>(type.equals("BS") ? bytes : texts).size()
            < Math.max(texts.size(), bytes.size())) {
      throw new FormatException(FileMessages.SET_TWICE, type, at(parser));
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
        return DynamoJson.checkedNumber(text(parser));
      } catch (FormatException e) {
        throw e.at(at(parser));
      }
    }
    throw new FormatException(FileMessages.N_VALUE, at(parser));
  }

  private static String string(JsonParser parser, JsonToken token, String type)
      throws FormatException {
    if (token != JsonToken.VALUE_STRING) {
      throw new FormatException(FileMessages.NEEDS_STRING, type, at(parser));
    }
    return text(parser);
  }

  private static SdkBytes binary(String base64) throws FormatException {
    try {
      return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw new FormatException(FileMessages.NOT_BASE64);
    }
  }
}
