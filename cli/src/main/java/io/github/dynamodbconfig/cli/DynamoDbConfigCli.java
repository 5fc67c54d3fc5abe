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

import io.github.dynamodbconfig.DynamoDbConfigException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dynamodb-config}, the operator's tool for the tables of the DynamoDB config source:
 * create, fill, export, compare and check each environment's table. Exit codes: 0 ok, 1 differences
 * (or a check or dry run found changes), 2 usage or AWS error.
 */
@Command(
    name = "dynamodb-config",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Create, fill, export, compare and check the DynamoDB tables of the config source.",
    subcommands = {
      InitCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      GetCommand.class,
      SetCommand.class,
      UnsetCommand.class,
      SealCommand.class,
      RekeyCommand.class,
      RewrapCommand.class,
      LinkCommand.class,
      DiffCommand.class,
      CheckCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:differences, or a check or dry run found changes",
      "2:usage or AWS error"
    })
public final class DynamoDbConfigCli implements Runnable {

  /** Exit code of a difference found. */
  static final int DIFFERENT = 1;

  /** Exit code of a usage or AWS error. */
  static final int ERROR = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream in;

  private DynamoDbConfigCli(InputStream in) {
    this.in = in;
  }

  /** The tool's standard input: where {@code set} reads a value given as {@code -}. */
  InputStream in() {
    return in;
  }

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(args, System.in, out, err));
  }

  /**
   * Runs the tool with {@code args}, reading {@code in} and writing to {@code out} and {@code err};
   * returns the exit code.
   */
  static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new DynamoDbConfigCli(in));
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          report(e, commandLine.getErr());
          return ERROR;
        });
    line.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
    int code = line.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static void report(Exception e, PrintWriter err) {
    if (e instanceof CliException cli) {
      err.println(Message.TOOL + cli.id() + " " + cli.getMessage());
      cli.details().forEach(detail -> err.println("  " + detail));
    } else if (e instanceof DynamoDbConfigException) {
      err.println(Message.TOOL + e.getMessage()); // the library's message, with its own id
    } else {
      err.println(UsageMessages.UNEXPECTED.line(e));
    }
  }

  /** Without a command: the usage. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), UsageMessages.MISSING_COMMAND.line());
  }
}
