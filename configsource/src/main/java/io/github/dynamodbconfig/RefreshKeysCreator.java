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

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;

/**
 * Makes the bean that tells the application which properties each refresh-scoped bean injects, from
 * what {@link RefreshScopeExtension} read. Made by the CDI container; not for applications to use.
 */
public class RefreshKeysCreator implements SyntheticBeanCreator<RefreshKeys> {

  /** The name of the parameter that carries the keys. */
  static final String KEYS = "keys";

  /** Made by the CDI container. */
  public RefreshKeysCreator() {}

  @Override
  public RefreshKeys create(Instance<Object> lookup, Parameters params) {
    return RefreshKeys.decoded(params.get(KEYS, String[].class));
  }
}
