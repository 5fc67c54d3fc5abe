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

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Whether Quarkus is building the application or in its static-init phase, read by reflection on
 * Quarkus's {@code ExecutionMode}: the source must then do nothing (docs/servers.md, "Nothing
 * happens while Quarkus builds").
 */
final class QuarkusPhase {

  private static final String EXECUTION_MODE = "io.quarkus.runtime.ExecutionMode";
  private static final String BUILD_CLASS_LOADER =
      "io.quarkus.bootstrap.classloading.QuarkusClassLoader";

  /**
   * {@code ExecutionMode.current()}, looked up once (the source and the provider both ask); empty
   * without Quarkus.
   */
  private static final Optional<Method> CURRENT_MODE = currentMode();

  private QuarkusPhase() {}

  /**
   * What Quarkus is doing when it is not (yet) running the application, e.g. {@code "Quarkus is
   * building the application"}; empty outside Quarkus and once Quarkus starts the application.
   */
  static Optional<String> beforeRuntime() {
    return executionMode()
        .flatMap(
            mode ->
                switch (mode) {
                  case "UNSET" ->
                      isBuildClassLoader(QuarkusPhase.class.getClassLoader())
                          ? Optional.of("Quarkus is building the application")
                          : Optional.empty();
                  case "STATIC_INIT" -> Optional.of("Quarkus is in its static-init phase");
                  default -> Optional.empty();
                });
  }

  private static Optional<Method> currentMode() {
    try {
      return Optional.of(
          Class.forName(EXECUTION_MODE, false, QuarkusPhase.class.getClassLoader())
              .getMethod("current"));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return Optional.empty(); // not Quarkus, or a Quarkus without this API: load as elsewhere
    }
  }

  private static Optional<String> executionMode() {
    try {
      Object current = CURRENT_MODE.isPresent() ? CURRENT_MODE.get().invoke(null) : null;
      return current instanceof Enum<?> e ? Optional.of(e.name()) : Optional.empty();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Quarkus builds in its own class loaders; an application on the plain class path is not one. */
  private static boolean isBuildClassLoader(ClassLoader loader) {
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l.getClass().getName().equals(BUILD_CLASS_LOADER)) {
        return true;
      }
    }
    return false;
  }
}
