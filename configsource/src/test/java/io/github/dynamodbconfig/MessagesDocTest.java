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
package io.github.dynamodbconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/messages.md lists every message the library declares, with its id, level and wording. */
class MessagesDocTest {

  private static final Pattern ROW =
      Pattern.compile("^\\| `(DDBCFG-\\d{4})` \\| (\\w+) \\| `(.*)` \\| (.+) \\|$");

  @Test
  void everyMessage_isListedWithItsLevelAndWording_andNoOtherIdOfTheLibrary() throws IOException {
    Map<String, LibraryMessage> declared = declared();
    Map<String, String> documented = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("..", "docs", "messages.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.matches() && Integer.parseInt(row.group(1).substring(7)) < 1000) {
        documented.put(row.group(1), row.group(2) + " " + row.group(3));
      }
    }

    Map<String, String> expected = new TreeMap<>();
    declared.forEach((id, m) -> expected.put(id, m.level().getName() + " " + m.template()));
    assertThat(documented).isEqualTo(expected);
  }

  @Test
  void ids_areUnique_andEachCatalogueKeepsToItsHundred() {
    List<String> ids = new ArrayList<>();
    for (Map.Entry<JavaClass, List<LibraryMessage>> catalogue : catalogues().entrySet()) {
      List<LibraryMessage> messages = catalogue.getValue();
      int hundred = messages.get(0).number() / 100;
      assertThat(messages)
          .as(catalogue.getKey().getSimpleName())
          .allSatisfy(m -> assertThat(m.number() / 100).isEqualTo(hundred));
      messages.forEach(m -> ids.add(m.id()));
    }
    assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(40);
  }

  @Test
  void format_fillsThePlaceholdersInOrder_andThrowsWithIdAndWordsApart() {
    LibraryMessage message = new LibraryMessage(999, System.Logger.Level.INFO, "{a} and {b}.");
    assertThat(message.format("one", 2)).isEqualTo("DDBCFG-0999 one and 2.");
    assertThat(message.format("only")).isEqualTo("DDBCFG-0999 only and {b}.");
    DynamoDbConfigException e = message.exception(null, "x", "y");
    assertThat(e).hasMessage("DDBCFG-0999 x and y.");
    assertThat(e.detail()).isEqualTo("x and y.");
  }

  private static Map<String, LibraryMessage> declared() {
    Map<String, LibraryMessage> byId = new TreeMap<>();
    catalogues().values().forEach(list -> list.forEach(m -> byId.put(m.id(), m)));
    return byId;
  }

  /** Each class of the library that declares messages, with its messages. */
  private static Map<JavaClass, List<LibraryMessage>> catalogues() {
    Map<JavaClass, List<LibraryMessage>> catalogues =
        new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(LibraryMessage.class.getPackageName())) {
      for (JavaField field : type.getFields()) {
        if (field.getRawType().isEquivalentTo(LibraryMessage.class)
            && field.getModifiers().contains(JavaModifier.STATIC)) {
          catalogues.computeIfAbsent(type, t -> new ArrayList<>()).add(value(field));
        }
      }
    }
    return catalogues;
  }

  private static LibraryMessage value(JavaField field) {
    try {
      Field reflected = field.reflect();
      reflected.setAccessible(true);
      return (LibraryMessage) reflected.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}
