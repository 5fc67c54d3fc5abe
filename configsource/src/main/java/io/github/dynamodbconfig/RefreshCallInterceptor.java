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

import jakarta.annotation.Priority;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.inject.spi.BeanContainer;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Counts the calls in progress on each instance of a {@link RefreshScoped} bean, so that an
 * instance a change retired is destroyed only once its last call has returned. A call that reaches
 * an instance already destroyed (its caller got it from the client proxy just before) goes to the
 * instance that replaced it. The first interceptor of every call; not for applications to use.
 */
@Interceptor
@RefreshCallCounted
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class RefreshCallInterceptor {

  private final BeanContainer container;
  private final RefreshScopeContext context;
  private RefreshedInstance<?> counted; // of this interceptor's target, once found

  /**
   * Made by the CDI container, for each instance of a refresh-scoped bean.
   *
   * @param container the container, whose refresh scope context counts the calls
   */
  @Inject
  public RefreshCallInterceptor(BeanContainer container) {
    this.container = container;
    this.context = RefreshScopeContext.in(container);
  }

  /**
   * Counts the call while it runs.
   *
   * @param call the call
   * @return what the call returned
   * @throws Exception what the call threw
   */
  @AroundInvoke
  public Object count(InvocationContext call) throws Exception {
    RefreshedInstance<?> instance = counted;
    if (instance == null) {
      instance = context.instanceOf(call.getTarget());
      if (instance == null) {
        return call.proceed(); // not made by the context yet: a call from its own constructor
      }
      counted = instance;
    }
    if (!instance.enter()) {
      return onCurrentInstance(instance.bean(), call);
    }
    try {
      return call.proceed();
    } finally {
      if (instance.exit()) {
        context.lastCallEnded(instance);
      }
    }
  }

  private <T> Object onCurrentInstance(Contextual<T> bean, InvocationContext call)
      throws Exception {
    T current = context.get(bean, container.createCreationalContext(bean));
    Method method = call.getMethod();
    method.setAccessible(true);
    try {
      return method.invoke(current, call.getParameters());
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    }
  }
}
