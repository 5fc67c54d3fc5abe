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

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes DynamoDB values in the two JSON forms of {@link DynamoJson}: DynamoDB's typed JSON, as
 * {@code aws dynamodb} reads it, and plain JSON (sets as arrays, binary as Base64 strings).
 */
final class DynamoJsonWriter {

  private DynamoJsonWriter() {}

  /** {@code value} in typed JSON, on one line. */
  static String typedText(AttributeValue value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = DynamoJson.FACTORY.createGenerator(text)) {
      writeTyped(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Writes {@code value} in typed JSON. */
  static void writeTyped(JsonGenerator out, AttributeValue value) throws IOException {
    out.writeStartObject();
    switch (value.type()) {
      case S -> out.writeStringField("S", value.s());
      case N -> out.writeStringField("N", value.n());
      case B -> out.writeStringField("B", base64(value.b()));
      case BOOL -> out.writeBooleanField("BOOL", value.bool());
      case NUL -> out.writeBooleanField("NULL", true);
      case SS -> stringArray(out, "SS", value.ss());
      case NS -> stringArray(out, "NS", value.ns());
      case BS -> stringArray(out, "BS", value.bs().stream().map(DynamoJsonWriter::base64).toList());
      case L -> {
        out.writeArrayFieldStart("L");
        for (AttributeValue element : value.l()) {
          writeTyped(out, element);
        }
        out.writeEndArray();
      }
      case M -> {
        out.writeObjectFieldStart("M");
        for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
          out.writeFieldName(entry.getKey());
          writeTyped(out, entry.getValue());
        }
        out.writeEndObject();
      }
      default -> throw new IllegalArgumentException("unknown DynamoDB type " + value.type());
    }
    out.writeEndObject();
  }

  /** Writes {@code value} in plain JSON: sets as arrays, binary as base64 strings. */
  static void writePlain(JsonGenerator out, AttributeValue value) throws IOException {
    switch (value.type()) {
      case S -> out.writeString(value.s());
      case N -> out.writeNumber(value.n());
      case B -> out.writeString(base64(value.b()));
      case BOOL -> out.writeBoolean(value.bool());
      case NUL -> out.writeNull();
      case SS -> strings(out, value.ss());
      case BS -> strings(out, value.bs().stream().map(DynamoJsonWriter::base64).toList());
      case NS -> {
        out.writeStartArray();
        for (String number : value.ns()) {
          out.writeNumber(number);
        }
        out.writeEndArray();
      }
      case L -> {
        out.writeStartArray();
        for (AttributeValue element : value.l()) {
          writePlain(out, element);
        }
        out.writeEndArray();
      }
      case M -> {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
          out.writeFieldName(entry.getKey());
          writePlain(out, entry.getValue());
        }
        out.writeEndObject();
      }
      default -> throw new IllegalArgumentException("unknown DynamoDB type " + value.type());
    }
  }

  private static void stringArray(JsonGenerator out, String field, List<String> texts)
      throws IOException {
    out.writeFieldName(field);
    strings(out, texts);
  }

  private static void strings(JsonGenerator out, List<String> texts) throws IOException {
    out.writeStartArray();
    for (String text : texts) {
      out.writeString(text);
    }
    out.writeEndArray();
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
