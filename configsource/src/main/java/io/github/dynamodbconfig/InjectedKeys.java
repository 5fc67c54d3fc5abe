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

import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.AnnotationTarget;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.DeclarationInfo;
import jakarta.enterprise.lang.model.types.Type;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The properties an injection point reads, from its declaration alone (at build time, or from the
 * injection points a container reports at run time): the name of its {@code ConfigProperty}; {@link
 * RefreshKeys#ANY} for {@code Config}, {@code @ConfigProperties} and config mappings, whose reads
 * cannot be known; none for anything else. Names of annotations and types are compared as text, so
 * that no MicroProfile or SmallRye class needs to be present.
 */
final class InjectedKeys {

  private static final String CONFIG_PROPERTY =
      "org.eclipse.microprofile.config.inject.ConfigProperty";
  private static final Set<String> ANY_READ_ANNOTATIONS =
      Set.of(
          "org.eclipse.microprofile.config.inject.ConfigProperties",
          "io.smallrye.config.ConfigMapping",
          "io.smallrye.config.ConfigProperties");
  private static final Set<String> ANY_READ_TYPES =
      Set.of("org.eclipse.microprofile.config.Config", "io.smallrye.config.SmallRyeConfig");

  private InjectedKeys() {}

  /**
   * What a bean reads, from the injection points its container reports at run time: empty when it
   * reports none (Weld reports every one; Quarkus's ArC none, where {@link #of(InjectionPointInfo,
   * String)} read them at build time).
   */
  static Set<String> of(Bean<?> bean) {
    Set<String> keys = new TreeSet<>();
    for (InjectionPoint point : bean.getInjectionPoints()) {
      keys.addAll(of(point, bean.getBeanClass()));
    }
    return keys;
  }

  private static Set<String> of(InjectionPoint point, Class<?> beanClass) {
    for (Annotation qualifier : point.getQualifiers()) {
      String type = qualifier.annotationType().getName();
      if (type.equals(CONFIG_PROPERTY)) {
        String name = nameOf(qualifier);
        if (!name.isEmpty()) {
          return Set.of(name);
        }
        return point.getMember() instanceof Field field
            ? Set.of(beanClass.getName().replace('$', '.') + "." + field.getName())
            : Set.of(RefreshKeys.ANY);
      }
      if (ANY_READ_ANNOTATIONS.contains(type)) {
        return Set.of(RefreshKeys.ANY);
      }
    }
    if (point.getType() instanceof Class<?> type
        && (ANY_READ_TYPES.contains(type.getName())
            || Arrays.stream(type.getAnnotations())
                .anyMatch(a -> ANY_READ_ANNOTATIONS.contains(a.annotationType().getName())))) {
      return Set.of(RefreshKeys.ANY);
    }
    return Set.of();
  }

  /** The {@code name} of a {@code ConfigProperty}, read without the MicroProfile type. */
  private static String nameOf(Annotation configProperty) {
    try {
      return String.valueOf(
          configProperty.annotationType().getMethod("name").invoke(configProperty));
    } catch (ReflectiveOperationException e) {
      return "";
    }
  }

  /** What {@code point}, of a bean of class {@code beanClass}, reads. */
  static Set<String> of(InjectionPointInfo point, String beanClass) {
    for (AnnotationInfo qualifier : point.qualifiers()) {
      if (qualifier.name().equals(CONFIG_PROPERTY)) {
        String name = qualifier.hasMember("name") ? qualifier.member("name").asString() : "";
        if (!name.isEmpty()) {
          return Set.of(name);
        }
        DeclarationInfo declaration = point.declaration();
        return declaration.isField()
            ? Set.of(beanClass.replace('$', '.') + "." + declaration.asField().name())
            : Set.of(RefreshKeys.ANY);
      }
      if (ANY_READ_ANNOTATIONS.contains(qualifier.name())) {
        return Set.of(RefreshKeys.ANY);
      }
    }
    return readsAny(point.type()) ? Set.of(RefreshKeys.ANY) : Set.of();
  }

  /** True when what is injected into {@code declaration}, of {@code type}, is configuration. */
  static boolean readsConfig(AnnotationTarget declaration, Type type) {
    return declaration.hasAnnotation(
            a -> a.name().equals(CONFIG_PROPERTY) || ANY_READ_ANNOTATIONS.contains(a.name()))
        || readsAny(type);
  }

  /** True for {@code Config} and the classes of {@code @ConfigProperties} and config mappings. */
  private static boolean readsAny(Type type) {
    if (!type.isClass()) {
      return false;
    }
    ClassInfo declaration = type.asClass().declaration();
    Predicate<AnnotationInfo> anyRead = a -> ANY_READ_ANNOTATIONS.contains(a.name());
    return ANY_READ_TYPES.contains(declaration.name()) || declaration.hasAnnotation(anyRead);
  }
}
