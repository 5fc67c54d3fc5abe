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
package io.github.dynamodbconfig.quickstart;

import io.github.dynamodbconfig.testkit.KmsServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import java.util.concurrent.CountDownLatch;

/**
 * The local DynamoDB engine (dynalite) on 127.0.0.1, in memory, until the process is stopped: the
 * DynamoDB of the operator walkthrough in the README. The port is the first argument, else 8000.
 * Beside it, on the next port, a local AWS KMS endpoint (the testkit's, which speaks the KMS
 * protocol) with one key, {@value #KMS_ALIAS}, for the walkthrough's sealed secrets.
 */
public final class LocalEngine {

  /** The alias of the local KMS key. */
  static final String KMS_ALIAS = "alias/myapp-config";

  private LocalEngine() {}

  /** Starts the engine and waits until the JVM is stopped (Ctrl-C). */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    LocalDynamoDb engine = LocalDynamoDb.start(port);
    KmsServer kms = KmsServer.start(port + 1);
    kms.alias(KMS_ALIAS.substring("alias/".length()), kms.createKey());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kms.close();
                  engine.close();
                  stopped.countDown();
                }));
    System.out.println(
        "Local DynamoDB (dynalite) at "
            + engine.endpoint()
            + " (in memory, any credentials, region "
            + LocalDynamoDb.REGION.id()
            + "), local KMS at "
            + kms.endpoint()
            + " (key "
            + KMS_ALIAS
            + "); Ctrl-C stops them");
    stopped.await();
  }
}
