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
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the file of an import into entries, in one of three formats: {@code properties} ({@link
 * Properties} syntax, UTF-8), {@code json} (an object of plain JSON values) and {@code batch-write}
 * (the request file of {@code aws dynamodb batch-write-item}). Every problem of the file is
 * collected, with its line, before any is reported; values never appear in a message.
 */
final class ImportFile {

  private static final Pattern BATCH_WRITE_REQUEST =
      Pattern.compile("\"(Put|Delete)Request\"\\s*:");

  /** The formats an import reads. */
  enum Format {
    PROPERTIES,
    JSON,
    BATCH_WRITE;

    /**
     * The format that {@code name} names: {@code properties}, {@code json}, {@code batch-write}.
     */
    static Format named(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "properties" -> PROPERTIES;
        case "json" -> JSON;
        case "batch-write" -> BATCH_WRITE;
        default -> throw new CliException(UsageMessages.UNKNOWN_FORMAT, name);
      };
    }

    /**
     * The format of {@code file} by its extension: {@code .properties}; {@code .json}, which is a
     * batch-write file when it holds {@code PutRequest} or {@code DeleteRequest} entries.
     */
    static Format of(Path file, String text) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".properties")) {
        return PROPERTIES;
      }
      if (name.endsWith(".json")) {
        return BATCH_WRITE_REQUEST.matcher(text).find() ? BATCH_WRITE : JSON;
      }
      throw new CliException(FileMessages.NO_FORMAT, file);
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One setting of the file.
   *
   * @param secret the file marks it secret (batch-write: the secret attribute is true)
   * @param line where it starts in the file
   */
  record Entry(String key, AttributeValue value, boolean secret, int line) {}

  /** The attribute names of the table's items, for a batch-write file. */
  record Attributes(String key, String value, String secret) {}

  private final Path file;
  private final List<String> problems = new ArrayList<>();

  private ImportFile(Path file) {
    this.file = file;
  }

  /**
   * The entries of {@code file}, in file order.
   *
   * @throws CliException listing every problem of the file, when it has any
   */
  static List<Entry> read(Path file, Format format, Attributes attributes) {
    ImportFile reader = new ImportFile(file);
    String text = reader.text();
    Format chosen = format != null ? format : Format.of(file, text);
    List<Entry> entries;
    try {
      entries =
          switch (chosen) {
            case PROPERTIES -> reader.properties(text);
            case JSON -> reader.json(text);
            case BATCH_WRITE -> new BatchWriteFile(reader.problems, attributes).entries(text);
          };
    } catch (FormatException e) {
      reader.problems.add(e.getMessage());
      entries = List.of();
    }
    reader.duplicates(entries);
    if (!reader.problems.isEmpty()) {
      throw new CliException(FileMessages.NOT_VALID, file, chosen).withDetails(reader.problems);
    }
    return entries;
  }

  private String text() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CliException(FileMessages.CANNOT_READ, file, e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString()
          .replaceFirst("^\uFEFF", ""); // a byte order mark is no part of the first key
    } catch (CharacterCodingException e) {
      throw new CliException(FileMessages.NOT_UTF8, file, e.getMessage());
    }
  }

  private List<Entry> properties(String text) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      String start = lines[i].strip();
      if (start.isEmpty() || start.startsWith("#") || start.startsWith("!")) {
        continue; // a comment never continues on the next line
      }
      StringBuilder logical = new StringBuilder(lines[i]);
      while (continues(logical) && i + 1 < lines.length) {
        logical.append('\n').append(lines[++i]);
      }
      Properties one = new Properties();
      try {
        one.load(new StringReader(logical.toString()));
      } catch (IllegalArgumentException | IOException e) {
        problems.add(ImportMessages.LINE.format(first + 1, e.getMessage()));
        continue;
      }
      for (String key : one.stringPropertyNames()) {
        entries.add(new Entry(key, AttributeValue.fromS(one.getProperty(key)), false, first + 1));
      }
    }
    return entries;
  }

  /** Whether a properties line goes on: it ends in an odd number of backslashes. */
  private static boolean continues(CharSequence line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private List<Entry> json(String text) throws FormatException {
    List<Entry> entries = new ArrayList<>();
    try (JsonParser parser = DynamoJson.parser(text)) {
      if (DynamoJson.next(parser) != JsonToken.START_OBJECT) {
        throw new FormatException(FileMessages.SETTINGS_OBJECT, DynamoJson.at(parser));
      }
      while (DynamoJson.next(parser) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int line = parser.currentTokenLocation().getLineNr();
        DynamoJson.next(parser);
        entries.add(new Entry(key, DynamoJson.readPlain(parser), false, line));
      }
      if (DynamoJson.next(parser) != null) {
        throw new FormatException(FileMessages.TEXT_AFTER_OBJECT, DynamoJson.at(parser));
      }
    } catch (IOException e) {
      throw FormatException.of(e);
    }
    return entries;
  }

  /** A key given twice: both lines, so that nothing is silently dropped. */
  private void duplicates(List<Entry> entries) {
    Map<String, Integer> seen = new HashMap<>();
    for (Entry entry : entries) {
      Integer before = seen.putIfAbsent(entry.key(), entry.line());
      if (before != null) {
        problems.add(
            ImportMessages.LINE.format(
                entry.line(),
                FileMessages.GIVEN_AGAIN.format(ConfigTable.quoted(entry.key()), before)));
      }
    }
  }
}
