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

import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.cli.RequiredKeys.Requirement;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code check}: the keys an application requires that its table would not give it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "List the keys an application requires that its table would not give it.",
      "%nReads the classes of a jar, a war (WEB-INF/classes and WEB-INF/lib) or a classes directory, without loading them: each @ConfigProperty without defaultValue (unless its type is Optional), and each field of a @ConfigProperties bean without one. Keys in the table, in the application's own META-INF/microprofile-config.properties or in a --properties file count as present. Keys whose names are computed at run time are out of its reach. Exit 1 if a key is missing, 0 if none is."
    })
final class CheckCommand implements Callable<Integer> {

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

  @Option(
      names = "--app",
      required = true,
      paramLabel = "PATH",
      description = "The application: a jar, a war or a classes directory")
  Path app;

  @Option(
      names = "--properties",
      paramLabel = "FILE",
      description = "A properties file whose keys count as present (repeatable)")
  List<Path> propertiesFiles = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    ApplicationArchive archive = ApplicationArchive.read(app);
    List<Requirement> required = RequiredKeys.of(archive.index());
    ConfigTable table = target.open();
    Set<String> present = new HashSet<>(archive.configuredKeys());
    ConfigTable.Contents contents = TableSession.readContents(table);
    if (!contents.invalidItems().isEmpty()) {
      throw new CliException(
          CheckMessages.INVALID_ITEMS, table.name(), String.join("; ", contents.invalidItems()));
    }
    present.addAll(contents.properties().keySet());
    for (Path file : propertiesFiles) {
      present.addAll(keys(file));
    }
    List<Requirement> missing =
        required.stream().filter(requirement -> !isPresent(requirement.key(), present)).toList();
    output.print(
        new Report.Check(
            table.name(),
            app.toString(),
            archive.classes(),
            required.stream().map(Requirement::key).distinct().count(),
            missing));
    return missing.isEmpty() ? 0 : DynamoDbConfigCli.DIFFERENT;
  }

  /** A key, or the indexed properties of a list ({@code key[0]}), is present. */
  private static boolean isPresent(String key, Set<String> present) {
    return present.contains(key) || present.contains(key + "[0]");
  }

  private static Set<String> keys(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException(CheckMessages.PROPERTIES_FILE, file, e.getMessage());
    }
    return ApplicationArchive.nonEmpty(properties);
  }
}
