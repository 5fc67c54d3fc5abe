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
import io.github.dynamodbconfig.ConfigTable;
import io.github.dynamodbconfig.cli.DynamoJson.FormatException;
import io.github.dynamodbconfig.cli.ImportChecks.Problem;
import io.github.dynamodbconfig.cli.ImportFile.Entry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code set}: writes one key, checked by the library's rules, and prints the change. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Set one key, checked as an import would be, and print the change.",
      "%nVALUE is of DynamoDB type --type (default S); L, M, SS and NS are given as JSON text. Give - to read VALUE from standard input, which keeps a secret out of the process list. Secrets are printed as ***."
    })
final class SetCommand implements Callable<Integer> {

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

  @Mixin SingleTable target;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "KEY")
  String key;

  @Parameters(
      index = "1",
      paramLabel = "VALUE",
      description =
          "The value; - reads it from standard input, so that a secret stays out of the process list")
  String value;

  @ParentCommand DynamoDbConfigCli tool;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "S",
      description = "S (default), N, BOOL, SS, NS, L or M")
  Type type;

  @Option(names = "--secret", description = "Mark the key secret")
  boolean secret;

  @Override
  public Integer call() {
    ConfigTable table = target.open();
    Entry entry = new Entry(key, parse(), false, 1);
    try (TableSession session = TableSession.open(table)) {
      ImportPlan plan =
          ImportChecks.checkedPlan(
              table,
              session.items(),
              List.of(entry),
              secret ? Set.of(key) : Set.of(),
              false,
              problems ->
                  new CliException(
                      "Cannot set " + ConfigTable.quoted(key) + " in table '" + table.name() + "'",
                      problems.stream().map(Problem::text).toList()));
      session.change(
          plan.changes().size(),
          () -> {
            plan.changes().forEach(change -> session.put(change.item()));
            return TableSession.Written.all(plan.changes().size());
          });
      output.print(new Report.Changes(table.name(), plan));
      return 0;
    }
  }

  private AttributeValue parse() {
    if (value.equals("-")) {
      value = standardInput();
    }
    try {
      return switch (type) {
        case S -> AttributeValue.fromS(value);
        case N -> AttributeValue.fromN(DynamoJson.checkedNumber(value));
        case BOOL -> AttributeValue.fromBool(bool(value));
        case SS, NS, L, M -> json();
      };
    } catch (FormatException e) {
      throw new CliException("VALUE is not a valid " + type + ": " + e.getMessage());
    }
  }

  /** Standard input without its last line break. */
  private String standardInput() {
    try {
      String text = new String(tool.in().readAllBytes(), StandardCharsets.UTF_8);
      return text.endsWith("\r\n")
          ? text.substring(0, text.length() - 2)
          : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new CliException("Cannot read the value from standard input: " + e.getMessage());
    }
  }

  private AttributeValue json() throws FormatException {
    AttributeValue parsed;
    try (JsonParser parser = DynamoJson.parser(value)) {
      DynamoJson.next(parser);
      parsed = DynamoJson.readPlain(parser);
      if (DynamoJson.next(parser) != null) {
        throw new FormatException("text after the JSON value " + DynamoJson.at(parser));
      }
    } catch (IOException e) {
      throw new FormatException(e.getMessage());
    }
    return switch (type) {
      case L -> require(parsed, parsed.l() != null && parsed.hasL(), "a JSON array");
      case M -> require(parsed, parsed.hasM(), "a JSON object");
      case SS -> {
        require(
            parsed,
            parsed.hasL() && parsed.l().stream().allMatch(e -> e.s() != null),
            "a JSON array of strings");
        List<String> strings = parsed.l().stream().map(AttributeValue::s).toList();
        require(
            parsed, Set.copyOf(strings).size() == strings.size(), "a set without an element twice");
        yield AttributeValue.fromSs(strings);
      }
      default -> {
        require(
            parsed,
            parsed.hasL() && parsed.l().stream().allMatch(e -> e.n() != null || e.s() != null),
            "a JSON array of numbers");
        List<String> numbers = parsed.l().stream().map(e -> e.n() != null ? e.n() : e.s()).toList();
        for (String number : numbers) {
          DynamoJson.checkedNumber(number);
        }
        require(
            parsed,
            numbers.stream()
                    .map(n -> new BigDecimal(n.trim()).stripTrailingZeros())
                    .distinct()
                    .count()
                == numbers.size(),
            "a set without an element twice");
        yield AttributeValue.fromNs(numbers);
      }
    };
  }

  private static AttributeValue require(AttributeValue parsed, boolean ok, String what)
      throws FormatException {
    if (!ok) {
      throw new FormatException(what + " is expected");
    }
    return parsed;
  }

  private static boolean bool(String text) throws FormatException {
    return switch (text.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new FormatException("true or false is expected");
    };
  }
}
