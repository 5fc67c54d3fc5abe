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

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.context.NormalScope;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A CDI scope whose beans are made again after a change in a DynamoDB table: once a refresh has
 * changed a property that a bean in this scope injects, the bean is destroyed (its {@code
 * PreDestroy} method runs), and the next call through its client proxy gets a new instance, with
 * the new values injected. A bean that injects {@code Config}, {@code @ConfigProperties} or a
 * config mapping is made again after any change, because which properties it reads cannot be known.
 *
 * <p>Calls in progress finish on the old instance; it is destroyed once the last of them has
 * returned, so that a resource its {@code PreDestroy} method closes is never closed under a running
 * call. A call never sees an instance that is not fully made. The bean must be proxyable, as for
 * any normal scope: not final, with a constructor without parameters that is not private. An
 * instance made by a producer method or field has no interceptor to count its calls: it is disposed
 * of as soon as it is retired, and made again after any change.
 */
@NormalScope
@Inherited
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD})
public @interface RefreshScoped {}
