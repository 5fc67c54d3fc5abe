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

import io.github.dynamodbconfig.cli.DynamoJson.FormatException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The limits DynamoDB puts on an item, which it enforces only when the item is written: checked
 * before the first write, so that an import never stops half-way on an item DynamoDB refuses.
 *
 * <p>An item's size is counted as DynamoDB counts it: the UTF-8 bytes of each attribute's name plus
 * the size of its value. A string is its UTF-8 bytes, binary its raw bytes, a boolean or null 1
 * byte; a number 1 byte for each pair of digits as they stand around the decimal point (leading and
 * trailing zeros trimmed), plus 1, plus 1 more when negative (never less than DynamoDB's documented
 * approximation, 1 byte per two significant digits plus 1); a set the sum of its elements; a list
 * or a map 3 bytes plus, for each element, 1 byte, its size and (in a map) the UTF-8 bytes of its
 * name.
 */
final class ItemLimits {

  /** An item's size at most: 400 KB, 1 KB being 1,024 bytes. */
  static final long ITEM_BYTES = 400 * 1024;

  /** A hash key's value at most, in UTF-8. */
  static final long KEY_BYTES = 2048;

  /** How deep values may nest, the attribute's own value being the first level. */
  static final int DEPTH = 32;

  /** An attribute name (a map's key) at most, in UTF-8: less than 64 KB. */
  static final long NAME_BYTES = 64 * 1024 - 1;

  private ItemLimits() {}

  /**
   * The limits that {@code item}, to be written under {@code key}, goes over: each a problem named
   * by {@code quoted}, the key as messages show it.
   */
  static List<String> problems(String quoted, String key, Map<String, AttributeValue> item) {
    List<String> problems = new ArrayList<>();
    long keyBytes = utf8(key);
    if (keyBytes > KEY_BYTES) {
      problems.add(ImportMessages.KEY_SIZE.format(quoted, keyBytes, KEY_BYTES));
    }
    long size = size(item);
    if (size > ITEM_BYTES) {
      problems.add(ImportMessages.ITEM_SIZE.format(quoted, size, ITEM_BYTES));
    }
    for (AttributeValue value : item.values()) {
      problems.addAll(valueProblems(quoted, value));
    }
    return problems;
  }

  private static List<String> valueProblems(String quoted, AttributeValue value) {
    List<String> problems = new ArrayList<>();
    int depth = depth(value);
    if (depth > DEPTH) {
      problems.add(ImportMessages.DEPTH.format(quoted, depth, DEPTH));
    }
    Contents contents = new Contents();
    contents.read(value, false);
    if (contents.badNumber) {
      problems.add(ImportMessages.NUMBER.format(quoted));
    }
    if (contents.emptySet) {
      problems.add(ImportMessages.EMPTY_SET.format(quoted));
    }
    if (contents.longestName > NAME_BYTES) {
      problems.add(ImportMessages.NAME_SIZE.format(quoted, contents.longestName, NAME_BYTES));
    }
    return problems;
  }

  /** What a value holds at any depth that DynamoDB may refuse. */
  private static final class Contents {
    boolean badNumber;
    boolean emptySet;
    long longestName;

    /** Reads {@code value}; {@code nested} when it is inside a list or a map. */
    void read(AttributeValue value, boolean nested) {
      switch (value.type()) {
        case N -> number(value.n());
        case NS -> value.ns().forEach(this::number);
        case L -> value.l().forEach(element -> read(element, true));
        case M ->
            value
                .m()
                .forEach(
                    (name, element) -> {
                      longestName = Math.max(longestName, utf8(name));
                      read(element, true);
                    });
        default -> {}
      }
      // An empty set at the top is an empty value, which the library's rules name already.
      boolean set =
          switch (value.type()) {
            case SS, NS, BS -> true;
            default -> false;
          };
      emptySet |= nested && set && setSize(value) == 0;
    }

    private void number(String text) {
      try {
        DynamoJson.checkedNumber(text);
      } catch (FormatException e) {
        badNumber = true;
      }
    }
  }

  private static int setSize(AttributeValue value) {
    return value.hasSs()
        ? value.ss().size()
        : value.hasNs() ? value.ns().size() : value.bs().size();
  }

  /** How deep {@code value} nests: 1 for a scalar, a set or an empty list or map. */
  static int depth(AttributeValue value) {
    return switch (value.type()) {
      case L -> 1 + value.l().stream().mapToInt(ItemLimits::depth).max().orElse(0);
      case M -> 1 + value.m().values().stream().mapToInt(ItemLimits::depth).max().orElse(0);
      default -> 1;
    };
  }

  /** The size of {@code item} as DynamoDB counts it. */
  static long size(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += utf8(attribute.getKey()) + size(attribute.getValue());
    }
    return size;
  }

  /** The size of {@code value} as DynamoDB counts it, without an attribute name. */
  static long size(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8(value.s());
      case N -> numberSize(value.n());
      case B -> bytes(value.b());
      case BOOL, NUL -> 1;
      case SS -> value.ss().stream().mapToLong(ItemLimits::utf8).sum();
      case NS -> value.ns().stream().mapToLong(ItemLimits::numberSize).sum();
      case BS -> value.bs().stream().mapToLong(ItemLimits::bytes).sum();
      case L -> 3 + value.l().stream().mapToLong(element -> 1 + size(element)).sum();
      case M ->
          3
              + value.m().entrySet().stream()
                  .mapToLong(element -> 1 + utf8(element.getKey()) + size(element.getValue()))
                  .sum();
      default -> 0;
    };
  }

  /**
   * A number's size: the pairs of digits it spans, aligned at the decimal point, plus 1, plus 1
   * when negative; 1 for zero.
   */
  static long numberSize(String text) {
    BigDecimal number;
    try {
      number = new BigDecimal(text.trim()).stripTrailingZeros();
    } catch (NumberFormatException e) {
      return utf8(text); // no number: refused by the number check
    }
    if (number.signum() == 0) {
      return 1;
    }
    int digits = number.unscaledValue().abs().toString().length();
    long highest = (long) digits - number.scale() - 1; // power of ten of the first digit
    long lowest = -(long) number.scale(); // and of the last
    long pairs = Math.floorDiv(highest, 2) - Math.floorDiv(lowest, 2) + 1;
    return pairs + 1 + (number.signum() < 0 ? 1 : 0);
  }

  private static long bytes(SdkBytes bytes) {
    return bytes.asByteBuffer().remaining();
  }

  /** How many bytes {@code text} takes in UTF-8. */
  static long utf8(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
