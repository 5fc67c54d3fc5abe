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

import io.github.dynamodbconfig.Resolution.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The log of one role resolution: what each step found, in order, the step under way and the
 * instance id once instance metadata gave it. The resolving thread writes it, step by step; the
 * waiting thread reads the step under way when the time budget runs out, to say where it stopped.
 */
final class ResolutionSteps {

  private final List<String> tried = new CopyOnWriteArrayList<>();
  private volatile String current;
  private volatile String instanceId;

  /** A log whose first step is {@code first}. */
  ResolutionSteps(String first) {
    this.current = first;
  }

  /** Starts {@code step}; returns it, for the request that makes it. */
  String begin(String step) {
    current = step;
    return step;
  }

  /** The step under way. */
  String current() {
    return current;
  }

  /** Adds what a step found, as the no-table lines list it. */
  void tried(String outcome) {
    tried.add(outcome);
  }

  /** Notes the instance id; null when instance metadata gave none. */
  void instanceId(String id) {
    instanceId = id;
  }

  /** The instance id, when instance metadata gave one. */
  Optional<String> instanceId() {
    return Optional.ofNullable(instanceId);
  }

  /** The resolution that ends here with {@code outcome} and no table. */
  Resolution none(Outcome outcome) {
    return Resolution.none(outcome, tried, instanceId());
  }

  /** The resolution that found {@code target}. */
  Resolution found(TableTarget target) {
    return Resolution.found(target, tried, instanceId());
  }
}
