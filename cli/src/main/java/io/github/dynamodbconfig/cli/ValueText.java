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
import io.github.dynamodbconfig.cli.DynamoJson.FormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A value given as text on the command line ({@code set KEY VALUE --type T}), read as its type. */
final class ValueText {

  /** The types {@code set} writes. */
  enum Type {
    S,
    N,
    BOOL,
    SS,
    NS,
    L,
    M
  }

  private ValueText() {}

  /**
   * {@code text} as a value of {@code type}: S as it is, N and BOOL as their text, SS, NS, L and M
   * as JSON text.
   *
   * @throws CliException saying why it is none, never quoting it (it may be secret)
   */
  static AttributeValue read(String text, Type type) {
    try {
      return switch (type) {
        case S -> AttributeValue.fromS(text);
        case N -> AttributeValue.fromN(DynamoJson.checkedNumber(text));
        case BOOL -> AttributeValue.fromBool(bool(text));
        case L -> require(json(text), AttributeValue::hasL, KeyMessages.ARRAY);
        case M -> require(json(text), AttributeValue::hasM, KeyMessages.OBJECT);
        case SS -> strings(json(text));
        case NS -> numbers(json(text));
      };
    } catch (FormatException e) {
      throw new CliException(KeyMessages.VALUE_INVALID, type, e.getMessage());
    }
  }

  private static AttributeValue json(String text) throws FormatException {
    try (JsonParser parser = DynamoJson.parser(text)) {
      DynamoJson.next(parser);
      AttributeValue parsed = DynamoJson.readPlain(parser);
      if (DynamoJson.next(parser) != null) {
        throw new FormatException(FileMessages.TEXT_AFTER_VALUE, DynamoJson.at(parser));
      }
      return parsed;
    } catch (IOException e) {
      throw FormatException.of(e);
    }
  }

  private static AttributeValue strings(AttributeValue parsed) throws FormatException {
    require(
        parsed, p -> p.hasL() && p.l().stream().allMatch(e -> e.s() != null), KeyMessages.STRINGS);
    List<String> strings = parsed.l().stream().map(AttributeValue::s).toList();
    if (Set.copyOf(strings).size() != strings.size()) {
      throw new FormatException(KeyMessages.NO_TWICE);
    }
    return AttributeValue.fromSs(strings);
  }

  private static AttributeValue numbers(AttributeValue parsed) throws FormatException {
    require(
        parsed,
        p -> p.hasL() && p.l().stream().allMatch(e -> e.n() != null || e.s() != null),
        KeyMessages.NUMBERS);
    List<String> numbers = parsed.l().stream().map(e -> e.n() != null ? e.n() : e.s()).toList();
    for (String number : numbers) {
      DynamoJson.checkedNumber(number);
    }
    long distinct =
        numbers.stream().map(n -> new BigDecimal(n.trim()).stripTrailingZeros()).distinct().count();
    if (distinct != numbers.size()) {
      throw new FormatException(KeyMessages.NO_TWICE);
    }
    return AttributeValue.fromNs(numbers);
  }

  /** A test of a parsed value. */
  private interface Test {
    boolean passes(AttributeValue parsed);
  }

  private static AttributeValue require(AttributeValue parsed, Test test, Message expected)
      throws FormatException {
    if (!test.passes(parsed)) {
      throw new FormatException(expected);
    }
    return parsed;
  }

  private static boolean bool(String text) throws FormatException {
    return switch (text.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new FormatException(KeyMessages.BOOLEAN);
    };
  }
}
