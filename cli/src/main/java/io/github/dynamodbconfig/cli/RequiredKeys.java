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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.Index;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.Type;

/**
 * The configuration keys an application requires, read from its class index: each
 * {@code @ConfigProperty} injection point without a {@code defaultValue} whose type is not
 * optional, and each field of a {@code @ConfigProperties} bean without one, under the bean's prefix
 * (or the prefix its injection point gives). Keys whose names are computed at run time ({@code
 * Config.getValue(name, ...)} with a name built in code) are out of reach.
 */
final class RequiredKeys {

  static final DotName CONFIG_PROPERTY = DotName.createSimple(ConfigProperty.class.getName());
  static final DotName CONFIG_PROPERTIES = DotName.createSimple(ConfigProperties.class.getName());

  /** Types whose injection never fails for a missing key. */
  static final Set<String> OPTIONAL_TYPES =
      Set.of(
          "java.util.Optional",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble",
          "org.eclipse.microprofile.config.ConfigValue");

  /** Lazy wrappers: what they hold decides. */
  static final Set<String> WRAPPER_TYPES =
      Set.of(
          "jakarta.inject.Provider",
          "javax.inject.Provider",
          "java.util.function.Supplier",
          "jakarta.enterprise.inject.Instance",
          "javax.enterprise.inject.Instance");

  /** A required key and the member of the application that needs it. */
  record Requirement(String key, String className, String member) {}

  private RequiredKeys() {}

  /** Every requirement of the indexed classes, by key, then class and member. */
  static List<Requirement> of(Index index) {
    List<Requirement> found = new ArrayList<>();
    for (AnnotationInstance property : index.getAnnotations(CONFIG_PROPERTY)) {
      injectionPoint(property, found);
    }
    for (AnnotationInstance properties : index.getAnnotations(CONFIG_PROPERTIES)) {
      AnnotationTarget target = properties.target();
      String prefix = prefix(properties);
      if (target.kind() == AnnotationTarget.Kind.CLASS) {
        bean(target.asClass(), prefix == null ? "" : prefix, found);
      } else if (prefix != null) {
        // An injection point that gives the bean another prefix.
        ClassInfo bean = index.getClassByName(type(target).name());
        if (bean != null) {
          bean(bean, prefix, found);
        }
      }
    }
    found.sort(
        Comparator.comparing(Requirement::key)
            .thenComparing(Requirement::className)
            .thenComparing(Requirement::member));
    return found.stream().distinct().toList();
  }

  private static void injectionPoint(AnnotationInstance property, List<Requirement> found) {
    AnnotationTarget target = property.target();
    if (hasDefault(property) || isOptional(type(target))) {
      return;
    }
    Requirement requirement =
        switch (target.kind()) {
          case FIELD -> field(property, target.asField());
          case METHOD_PARAMETER -> parameter(property, target.asMethodParameter());
          case METHOD -> setter(property, target.asMethod());
          default -> null;
        };
    if (requirement != null) {
      found.add(requirement);
    }
  }

  /** A field's key: {@code Outer.Inner.field} unless named; none for a bean's field. */
  private static Requirement field(AnnotationInstance property, FieldInfo field) {
    if (field.declaringClass().hasDeclaredAnnotation(CONFIG_PROPERTIES)) {
      return null; // a bean's field: read with the bean's prefix
    }
    // MicroProfile Config derives the name from the canonical class name: Outer.Inner.field.
    String name = name(property, canonical(field.declaringClass().name()) + "." + field.name());
    return new Requirement(name, field.declaringClass().name().toString(), field.name());
  }

  /** A constructor or method parameter's key; none when unnamed and compiled without its name. */
  private static Requirement parameter(AnnotationInstance property, MethodParameterInfo parameter) {
    DotName declaring = parameter.method().declaringClass().name();
    String name =
        name(
            property,
            parameter.name() == null ? null : canonical(declaring) + "." + parameter.name());
    String member =
        parameter.method().name()
            + "("
            + (parameter.name() != null
                ? parameter.name()
                : CheckMessages.PARAMETER.format(parameter.position()))
            + ")";
    return name == null ? null : new Requirement(name, declaring.toString(), member);
  }

  /** On a method (a setter), the key is named by the annotation, if at all. */
  private static Requirement setter(AnnotationInstance property, MethodInfo method) {
    String name = name(property, null);
    return name == null
        ? null
        : new Requirement(name, method.declaringClass().name().toString(), method.name());
  }

  private static void bean(ClassInfo bean, String prefix, List<Requirement> found) {
    for (FieldInfo field : bean.fields()) {
      if (field.isSynthetic() || java.lang.reflect.Modifier.isStatic(field.flags())) {
        continue;
      }
      AnnotationInstance property = field.annotation(CONFIG_PROPERTY);
      if ((property != null && hasDefault(property)) || isOptional(field.type())) {
        continue;
      }
      String name = property == null ? field.name() : name(property, field.name());
      found.add(
          new Requirement(
              prefix.isEmpty() ? name : prefix + "." + name, bean.name().toString(), field.name()));
    }
  }

  /** A default that MicroProfile Config uses: an empty one is none. */
  private static boolean hasDefault(AnnotationInstance property) {
    AnnotationValue value = property.value("defaultValue");
    return value != null
        && !value.asString().isEmpty()
        && !ConfigProperty.UNCONFIGURED_VALUE.equals(value.asString());
  }

  /** The annotation's name, else {@code derived} (null when neither is known). */
  private static String name(AnnotationInstance property, String derived) {
    AnnotationValue value = property.value("name");
    return value != null && !value.asString().isBlank() ? value.asString().trim() : derived;
  }

  private static String canonical(DotName className) {
    return className.toString().replace('$', '.');
  }

  /** The prefix an annotation gives, or null when it gives none. */
  private static String prefix(AnnotationInstance properties) {
    AnnotationValue value = properties.value("prefix");
    return value == null || ConfigProperties.UNCONFIGURED_PREFIX.equals(value.asString())
        ? null
        : value.asString();
  }

  private static Type type(AnnotationTarget target) {
    return switch (target.kind()) {
      case FIELD -> target.asField().type();
      case METHOD_PARAMETER -> target.asMethodParameter().type();
      case METHOD ->
          target.asMethod().parametersCount() == 1
              ? target.asMethod().parameterType(0)
              : target.asMethod().returnType();
      default -> Type.create(DotName.createSimple(Object.class.getName()), Type.Kind.CLASS);
    };
  }

  private static boolean isOptional(Type type) {
    String name = type.name().toString();
    if (OPTIONAL_TYPES.contains(name)) {
      return true;
    }
    if (WRAPPER_TYPES.contains(name) && type.kind() == Type.Kind.PARAMETERIZED_TYPE) {
      List<Type> arguments = type.asParameterizedType().arguments();
      return !arguments.isEmpty() && isOptional(arguments.get(0));
    }
    return false;
  }
}
