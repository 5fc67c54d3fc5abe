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

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link LookupBenchmark} with JMH and its allocation profiler ({@code -prof gc}). */
final class LookupRun {

  /** Pairs of (our benchmark, SmallRye's), in table order. */
  static final Map<String, String[]> ROWS = new LinkedHashMap<>();

  static {
    ROWS.put(
        "ConfigSource.getValue, hit", new String[] {"sourceGetValueHit", "propertiesGetValueHit"});
    ROWS.put(
        "ConfigSource.getValue, miss",
        new String[] {"sourceGetValueMiss", "propertiesGetValueMiss"});
    ROWS.put(
        "Config.getValue(name, String.class), hit",
        new String[] {"configGetValueWithSource", "configGetValueWithProperties"});
  }

  private LookupRun() {}

  static String run(LocalDynamoDb engine) throws RunnerException {
    LookupBenchmark.createTable(engine);
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(LookupBenchmark.class.getName())
                    .addProfiler(GCProfiler.class)
                    .jvmArgsAppend(
                        "-D" + LookupBenchmark.ENDPOINT_PROPERTY + "=" + engine.endpoint())
                    .verbosity(VerboseMode.SILENT)
                    .shouldFailOnError(true)
                    .build())
            .run();
    Map<String, RunResult> byName = JmhResults.byMethod(results);
    var table =
        new MarkdownTable(
            "lookup",
            "our source ns/op",
            "PropertiesConfigSource ns/op",
            "ratio",
            "our source B/op",
            "PropertiesConfigSource B/op");
    ROWS.forEach(
        (label, pair) -> {
          RunResult ours = byName.get(pair[0]);
          RunResult theirs = byName.get(pair[1]);
          double oursNs = ours.getPrimaryResult().getScore();
          double theirsNs = theirs.getPrimaryResult().getScore();
          table.row(
              label,
              score(ours.getPrimaryResult()),
              score(theirs.getPrimaryResult()),
              Stats.ratio(oursNs / theirsNs),
              allocation(ours),
              allocation(theirs));
        });
    return table.toString();
  }

  private static String score(Result<?> result) {
    return String.format(Locale.ROOT, "%.2f ± %.2f", result.getScore(), result.getScoreError());
  }

  private static String allocation(RunResult result) {
    Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
    return norm == null ? "n/a" : String.format(Locale.ROOT, "%.3f", norm.getScore());
  }
}
