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
import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.ConfigTable.Contents;
import io.github.dynamodbconfig.TableSealing;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code export}: writes a table to standard output, as properties, JSON or a batch-write file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the table to standard output.",
      "%nproperties: the values exactly as an application reads them; json: an object of the values with their DynamoDB types; batch-write: the request file of aws dynamodb batch-write-item, every item and attribute as stored (a sealed value stays sealed, the table's keyring with it). Secrets are *** unless --reveal-secrets is given; batch-write of a table with secrets in plain text requires it."
    })
final class ExportCommand implements Callable<Integer> {

  @Mixin SingleTable target;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "properties",
      description = "properties (default), json or batch-write")
  String format;

  @Option(names = "--reveal-secrets", description = "Write secret values as they are")
  boolean reveal;

  @Option(
      names = "--target-table",
      paramLabel = "NAME",
      description = "batch-write: the table the file writes to (default: the exported table)")
  String targetTable;

  @Option(
      names = "--batch-dir",
      paramLabel = "DIR",
      description =
          "batch-write: also write files of 25 items each (batch-write-item's limit) to DIR")
  Path batchDir;

  @Spec CommandSpec spec;

  private PrintWriter out;
  private PrintWriter err;

  @Override
  public Integer call() throws IOException {
    ImportFile.Format chosen = ImportFile.Format.named(format);
    checkBatchOptions(chosen);
    ConfigTable table = target.open();
    // A batch-write file keeps the items as stored: sealed values sealed, the keyring with them.
    // A properties file holds what an application gets: referenced secrets read too.
    List<Map<String, AttributeValue>> items =
        new ArrayList<>(
            switch (chosen) {
              case BATCH_WRITE -> TableSession.readStored(table);
              case JSON -> TableSession.readAll(table);
              case PROPERTIES -> List.of();
            });
    items.sort(Comparator.comparing(item -> String.valueOf(TableItems.key(table, item))));
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    switch (chosen) {
      case PROPERTIES -> properties(TableSession.readContents(table));
      case JSON -> json(table, items);
      case BATCH_WRITE -> batchWrite(table, items);
    }
    out.flush();
    return 0;
  }

  private void checkBatchOptions(ImportFile.Format chosen) throws IOException {
    if (chosen != ImportFile.Format.BATCH_WRITE && (targetTable != null || batchDir != null)) {
      throw new CliException(UsageMessages.BATCH_OPTIONS);
    }
    if (batchDir != null && Files.isDirectory(batchDir)) {
      try (Stream<Path> files = Files.list(batchDir)) {
        if (files.anyMatch(f -> f.getFileName().toString().startsWith("batch-"))) {
          throw new CliException(UsageMessages.BATCH_DIR_USED, batchDir);
        }
      }
    }
  }

  private Progress progress(int total) {
    return Progress.of(err, ExportMessages.EXPORTING, total);
  }

  private void properties(Contents contents) {
    contents.invalidItems().forEach(invalid -> err.println(ExportMessages.LEFT_OUT.line(invalid)));
    Progress progress = progress(contents.properties().size());
    for (Map.Entry<String, String> property : contents.properties().entrySet()) {
      progress.advance(1);
      boolean secret = contents.secrets().contains(property.getKey());
      String value = secret && !reveal ? Display.mask() : property.getValue();
      out.println(
          PropertiesText.escape(property.getKey(), true)
              + "="
              + PropertiesText.escape(value, false));
    }
  }

  private void json(ConfigTable table, List<Map<String, AttributeValue>> items) throws IOException {
    Progress progress = progress(items.size());
    try (JsonGenerator json = DynamoJson.generator(out)) {
      json.writeStartObject();
      for (Map<String, AttributeValue> item : items) {
        AttributeValue value = item.get(table.valueAttribute());
        String key = TableItems.key(table, item);
        if (key == null) {
          err.println(ExportMessages.NO_KEY.line(table.name(), table.keyAttribute()));
        } else if (value == null) {
          err.println(ExportMessages.NO_VALUE.line(table.name(), table.valueAttribute()));
        } else {
          json.writeFieldName(key);
          if (ImportPlan.isSecret(table, item) && !reveal) {
            json.writeString(Display.mask());
          } else {
            DynamoJsonWriter.writePlain(json, value);
          }
          progress.advance(1);
        }
      }
      json.writeEndObject();
    }
    out.println();
  }

  private void batchWrite(ConfigTable table, List<Map<String, AttributeValue>> items)
      throws IOException {
    long secrets =
        items.stream()
            .filter(item -> !ConfigTable.isReservedKey(String.valueOf(TableItems.key(table, item))))
            .filter(item -> !TableSealing.isSealed(item))
            .filter(item -> ImportPlan.isSecret(table, item))
            .count();
    if (secrets > 0 && !reveal) {
      throw new CliException(
          ExportMessages.SECRETS, table.name(), Display.count(secrets, "secret", "secrets"));
    }
    String name = targetTable != null ? targetTable : table.name();
    try (JsonGenerator json = DynamoJson.generator(out)) {
      writeRequests(json, name, items, progress(items.size()));
    }
    out.println();
    if (batchDir != null) {
      batchFiles(name, items);
    }
  }

  /** The items again, in files of {@value BatchWriter#BATCH} in {@code --batch-dir}. */
  private void batchFiles(String name, List<Map<String, AttributeValue>> items) throws IOException {
    Files.createDirectories(batchDir);
    for (int from = 0, file = 1; from < items.size(); from += BatchWriter.BATCH, file++) {
      Path path = batchDir.resolve(String.format("batch-%04d.json", file));
      try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
          JsonGenerator json = DynamoJson.generator(writer)) {
        writeRequests(
            json,
            name,
            items.subList(from, Math.min(items.size(), from + BatchWriter.BATCH)),
            null);
      }
    }
  }

  private static void writeRequests(
      JsonGenerator json, String table, List<Map<String, AttributeValue>> items, Progress progress)
      throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart(table);
    for (Map<String, AttributeValue> item : items) {
      json.writeStartObject();
      json.writeObjectFieldStart("PutRequest");
      json.writeObjectFieldStart("Item");
      for (Map.Entry<String, AttributeValue> attribute : new TreeMap<>(item).entrySet()) {
        json.writeFieldName(attribute.getKey());
        DynamoJsonWriter.writeTyped(json, attribute.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
      if (progress != null) {
        progress.advance(1);
      }
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
