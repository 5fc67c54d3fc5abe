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
package io.github.dynamodbconfig.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link ProxyCallBenchmark} with JMH. */
final class ProxyCallRun {

  private ProxyCallRun() {}

  static String run() throws RunnerException {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(ProxyCallBenchmark.class.getName())
                    .verbosity(VerboseMode.SILENT)
                    .shouldFailOnError(true)
                    .build())
            .run();
    Map<String, RunResult> byName = JmhResults.byMethod(results);
    double application = byName.get("applicationScoped").getPrimaryResult().getScore();
    var table =
        new MarkdownTable("call through the client proxy", "ns/op", "vs application-scoped");
    row(table, "@ApplicationScoped bean", byName.get("applicationScoped"), application);
    row(table, "@RefreshScoped bean, nothing to close", byName.get("refreshScoped"), application);
    row(
        table,
        "@RefreshScoped bean with a @PreDestroy (calls counted)",
        byName.get("refreshScopedCounted"),
        application);
    return table.toString();
  }

  private static void row(MarkdownTable table, String label, RunResult result, double application) {
    table.row(
        label, score(result), Stats.ratio(result.getPrimaryResult().getScore() / application));
  }

  private static String score(RunResult result) {
    return String.format(
        Locale.ROOT,
        "%.2f ± %.2f",
        result.getPrimaryResult().getScore(),
        result.getPrimaryResult().getScoreError());
  }
}
