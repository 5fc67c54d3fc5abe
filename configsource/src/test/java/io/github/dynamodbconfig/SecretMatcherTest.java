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

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dynamodbconfig.testkit.SecretGuard;
import io.github.dynamodbconfig.testkit.SecretValues;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMatcherTest {

  @Test
  void star_matchesAnyRun_includingNone() {
    SecretMatcher matcher = SecretMatcher.of(List.of("*pass*"));
    assertThat(List.of("pass", "db_pass", "passphrase", "my.pass.word")).allMatch(matcher::matches);
    assertThat(List.of("pas", "p_ass", "")).noneMatch(matcher::matches);
  }

  @Test
  void questionMark_matchesExactlyOneCharacter() {
    SecretMatcher matcher = SecretMatcher.of(List.of("key?"));
    assertThat(List.of("key1", "keyX", "key😀")).allMatch(matcher::matches);
    assertThat(List.of("key", "key12")).noneMatch(matcher::matches);
  }

  @Test
  void withoutWildcards_theWholeNameMustMatch() {
    SecretMatcher matcher = SecretMatcher.of(List.of("db_user"));
    assertThat(matcher.matches("DB_User")).isTrue();
    assertThat(matcher.matches("db_user2")).isFalse();
    assertThat(matcher.matches("my_db_user")).isFalse();
  }

  @Test
  void matching_ignoresCase_alsoBeyondAscii() {
    SecretMatcher matcher = SecretMatcher.of(List.of("*geheimnis*", "*ΚΛΕΙΔΙ*"));
    assertThat(List.of("GEHEIMNIS", "app.Geheimnis.x", "κλειδι")).allMatch(matcher::matches);
  }

  @Test
  void regularExpressionCharacters_areLiterals() {
    SecretMatcher matcher = SecretMatcher.of(List.of("a.b+(c)*"));
    assertThat(matcher.matches("a.b+(c)")).isTrue();
    assertThat(matcher.matches("a.b+(c)-tail")).isTrue();
    assertThat(matcher.matches("axb+(c)")).isFalse();
    assertThat(matcher.matches("a.bb(c)")).isFalse();
  }

  @Test
  void backtracking_findsALaterOccurrence() {
    SecretMatcher matcher = SecretMatcher.of(List.of("*ab*abc"));
    assertThat(matcher.matches("xxabyyabababc")).isTrue();
    assertThat(matcher.matches("xxabyyababab")).isFalse();
  }

  @Test
  void noPatterns_matchNothing() {
    assertThat(SecretMatcher.of(List.of()).matches("db_pass")).isFalse();
  }

  @Test
  void testkitsSecretGuard_looksForTheLibrarysDefaultSecretPatterns() {
    assertThat(String.join(",", SecretValues.DEFAULT_SECRET_KEYS))
        .isEqualTo(DynamoDbConfigSetting.SECRET_KEYS.defaultValue().orElseThrow());
    assertThat(SecretGuard.VERBOSE_LOGGERS).contains(DynamoDbConfigSetting.class.getPackageName());
  }
}
