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
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/** The results of a JMH run, as the benchmark parts read them. */
final class JmhResults {

  private JmhResults() {}

  /** Each result by the name of its benchmark method, in the order JMH gave them. */
  static Map<String, RunResult> byMethod(Collection<RunResult> results) {
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      byName.put(label.substring(label.lastIndexOf('.') + 1), result);
    }
    return byName;
  }
}
