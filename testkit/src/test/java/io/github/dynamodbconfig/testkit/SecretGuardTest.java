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
package io.github.dynamodbconfig.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.dynamodbconfig.testkit.SecretGuard.Channel;
import io.github.dynamodbconfig.testkit.SecretGuard.Leak;
import java.lang.System.Logger.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The testkit's {@link SecretGuard}, which every test class of this module runs under, catches a
 * secret value in a log line and in an exception message that a test catches.
 */
class SecretGuardTest {

  private static final String SECRET = ExampleTable.DB_PASS;

  @Test
  void guard_catchesASecretInADebugLine_andInACaughtExceptionMessage() {
    assertThat(SecretGuard.scan()).isEmpty();

    // DEBUG: the guard lowers the library's level, so the line is produced (and not printed: the
    // console shows INFO and above).
    System.getLogger("io.github.dynamodbconfig.DynamoDbConfigSource")
        .log(Level.DEBUG, "deliberate leak: db_pass = " + SECRET);
    try {
      throw new IllegalStateException("deliberate leak: cannot use " + SECRET);
    } catch (IllegalStateException expected) {
      // seen by nobody but the guard
    }

    List<Leak> leaks = SecretGuard.scan();
    assertThat(leaks)
        .extracting(Leak::key, Leak::channel)
        .containsExactlyInAnyOrder(
            tuple("db_pass", Channel.LOG), tuple("db_pass", Channel.EXCEPTION));
    String test = "guard_catchesASecretInADebugLine_andInACaughtExceptionMessage";
    assertThat(leaks)
        .allSatisfy(leak -> assertThat(leak.test()).contains("SecretGuardTest#" + test));
    assertThat(leaks)
        .filteredOn(leak -> leak.channel() == Channel.LOG)
        .singleElement()
        .satisfies(
            leak -> {
              assertThat(leak.origin())
                  .isEqualTo("io.github.dynamodbconfig.DynamoDbConfigSource at FINE");
              assertThat(leak.excerpt())
                  .isEqualTo("deliberate leak: db_pass = <secret of db_pass>");
            });
    assertThat(leaks)
        .filteredOn(leak -> leak.channel() == Channel.EXCEPTION)
        .singleElement()
        .satisfies(
            leak -> {
              assertThat(leak.origin())
                  .startsWith(
                      "java.lang.IllegalStateException constructed at"
                          + " io.github.dynamodbconfig.testkit.SecretGuardTest."
                          + test
                          + ":");
              assertThat(leak.excerpt())
                  .isEqualTo("deliberate leak: cannot use <secret of db_pass>");
            });

    // The failure the guard raises names key, place and test, and never shows the value.
    assertThatThrownBy(() -> SecretGuard.failIfAny(leaks, "this test"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("2 secret value(s) leaked in this test")
        .hasMessageContaining("the secret value of 'db_pass' in a log record of")
        .hasMessageContaining("the secret value of 'db_pass' in the message of")
        .message()
        .doesNotContain(SECRET);

    SecretGuard.forget(leaks);
    assertThat(SecretGuard.scan()).isEmpty();
  }

  @Test
  void guard_catchesASecretInWhatAProgramPrinted() {
    assertThat(SecretGuard.scan()).isEmpty();

    SecretGuard.checkOutput("stdout of a tool", "db_host=x\ndb_pass=" + SECRET + "\n");

    List<Leak> leaks = SecretGuard.scan();
    assertThat(leaks)
        .singleElement()
        .satisfies(
            leak -> {
              assertThat(leak.channel()).isEqualTo(Channel.OUTPUT);
              assertThat(leak.origin()).isEqualTo("stdout of a tool");
              assertThat(leak.excerpt()).contains("db_pass=<secret of db_pass>");
              assertThat(leak.toString()).contains("in the output stdout of a tool");
            });
    SecretGuard.forget(leaks);
  }
}
