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

import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;

/**
 * Adds the library's beans to an application in a CDI container that runs no portable extensions
 * (Quarkus's ArC); the others run {@link DynamoDbConfigExtension}, which adds them only where the
 * container did not find them itself. Made by the container; not for applications to use.
 */
@SkipIfPortableExtensionPresent(DynamoDbConfigExtension.class)
public class DynamoDbConfigBeans implements BuildCompatibleExtension {

  /** Made by the CDI container. */
  public DynamoDbConfigBeans() {}

  /**
   * Adds the library's beans.
   *
   * @param scanned the classes the container reads beans from
   */
  @Discovery
  public void addBeans(ScannedClasses scanned) {
    DynamoDbConfigExtension.BEAN_CLASSES.forEach(type -> scanned.add(type.getName()));
  }
}
