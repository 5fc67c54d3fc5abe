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

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Stereotype;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.AnnotationTarget;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;
import jakarta.inject.Inject;
import jakarta.interceptor.InterceptorBinding;
import java.util.Collection;

/**
 * Whether the calls of a refresh-scoped class must be counted, so that its instance is destroyed
 * only after its last call. They need not be when destroying an instance can close nothing a call
 * uses: the class and its superclasses declare no {@code PreDestroy} method, carry no interceptor
 * binding or stereotype (an interceptor could have a {@code PreDestroy} callback), and inject
 * configuration only ({@code ConfigProperty}, {@code Config}, {@code @ConfigProperties}, a config
 * mapping), never a bean that could itself be destroyed with the instance. A call still running on
 * such an instance after it was retired finishes with the values it was made with, and the call
 * costs no interceptor. Read from the class's declarations, when the container is built.
 */
final class CallCounting {

  private CallCounting() {}

  /** True when a destroy of an instance of {@code type} could close what a call uses. */
  static boolean needed(ClassInfo type) {
    for (ClassInfo declared = type;
        declared != null && !declared.name().equals(Object.class.getName());
        declared = declared.superClassDeclaration()) {
      if (mayClose(declared)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayClose(ClassInfo declared) {
    if (bindsInterceptors(declared)) {
      return true;
    }
    for (var field : declared.fields()) {
      if (field.hasAnnotation(Inject.class) && !InjectedKeys.readsConfig(field, field.type())) {
        return true;
      }
    }
    return mayClose(declared.constructors()) || mayClose(declared.methods());
  }

  private static boolean mayClose(Collection<MethodInfo> methods) {
    for (MethodInfo method : methods) {
      if (method.hasAnnotation(PreDestroy.class) || bindsInterceptors(method)) {
        return true;
      }
      if (method.hasAnnotation(Inject.class)) {
        for (ParameterInfo parameter : method.parameters()) {
          if (!InjectedKeys.readsConfig(parameter, parameter.type())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean bindsInterceptors(AnnotationTarget target) {
    for (AnnotationInfo annotation : target.annotations()) {
      ClassInfo declaration = annotation.declaration();
      if (declaration.hasAnnotation(InterceptorBinding.class)
          || declaration.hasAnnotation(Stereotype.class)) {
        return true;
      }
    }
    return false;
  }
}
