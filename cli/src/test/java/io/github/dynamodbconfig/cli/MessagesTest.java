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

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tool's message catalogues: one hundred ids per concern, no id twice, and docs/messages.md
 * listing every message with its id, level and template as the code has them.
 */
class MessagesTest {

  /** Each catalogue and the first id of its hundred. */
  static final Map<Class<?>, Integer> CATALOGUES =
      Map.of(
          UsageMessages.class, 1000,
          TableMessages.class, 1100,
          ImportMessages.class, 1200,
          FileMessages.class, 1300,
          KeyMessages.class, 1400,
          ExportMessages.class, 1500,
          DiffMessages.class, 1600,
          CheckMessages.class, 1700);

  static final Path SOURCES = Path.of("src/main/java/io/github/dynamodbconfig/cli");
  static final Path DOC = Path.of("../docs/messages.md");
  static final String SECTION = "## The tool (dynamodb-config)";

  static List<Message> messages(Class<?> catalogue) throws IllegalAccessException {
    List<Message> messages = new ArrayList<>();
    for (Field field : catalogue.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Message.class) {
        messages.add((Message) field.get(null));
      }
    }
    return messages;
  }

  static List<Message> all() throws IllegalAccessException {
    List<Message> all = new ArrayList<>();
    for (Class<?> catalogue : CATALOGUES.keySet()) {
      all.addAll(messages(catalogue));
    }
    all.sort((a, b) -> Integer.compare(a.number(), b.number()));
    return all;
  }

  /** The row of {@code message} in the doc, up to its template. */
  static String row(Message message) {
    return "| `"
        + message.id()
        + "` | "
        + message.level().shown
        + " | `"
        + message.template().replace("|", "\\|")
        + "` |";
  }

  @Test
  void everyCatalogueIsKnown_andHoldsIdsOfItsHundredOnly() throws Exception {
    try (Stream<Path> files = Files.list(SOURCES)) {
      assertThat(
              files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Messages.java")))
          .containsExactlyInAnyOrderElementsOf(
              CATALOGUES.keySet().stream().map(c -> c.getSimpleName() + ".java").toList());
    }
    Set<String> ids = new HashSet<>();
    for (Map.Entry<Class<?>, Integer> catalogue : CATALOGUES.entrySet()) {
      for (Message message : messages(catalogue.getKey())) {
        assertThat(message.number())
            .as(message.template())
            .isBetween(catalogue.getValue() + 1, catalogue.getValue() + 99);
        assertThat(ids.add(message.id())).as("%s twice", message.id()).isTrue();
      }
    }
  }

  @Test
  void theDocListsEveryMessage_withItsIdLevelAndTemplate() throws Exception {
    String doc = Files.readString(DOC);
    assertThat(doc).contains(SECTION);
    String section = doc.substring(doc.indexOf(SECTION));
    int next = section.indexOf("\n## ", SECTION.length());
    section = next < 0 ? section : section.substring(0, next);
    List<String> documented =
        section
            .lines()
            .filter(line -> line.startsWith("| `DDBCFG-1"))
            .map(MessagesTest::upToTemplate)
            .toList();
    List<String> expected = all().stream().map(MessagesTest::row).toList();
    assertThat(documented).as(String.join("\n", expected)).containsExactlyElementsOf(expected);
  }

  /** A row without its last column, what to do. */
  private static String upToTemplate(String row) {
    int end = row.lastIndexOf("` |");
    return row.substring(0, end + 3);
  }

  @Test
  void errorsAndWarningsShowTheirId_otherLevelsTheirTextAlone() {
    Message error = new Message(1999, Message.Level.ERROR, "Cannot %s");
    assertThat(error.line("go")).isEqualTo("dynamodb-config: DDBCFG-1999 Cannot go");
    assertThat(new CliException(error, "go").id()).isEqualTo("DDBCFG-1999");
    assertThat(new CliException(error, "go").getMessage()).isEqualTo("Cannot go");
  }
}
