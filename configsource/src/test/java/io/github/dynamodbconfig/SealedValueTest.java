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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.SealedValue.Binding;
import io.github.dynamodbconfig.SealedValue.CannotOpen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sealed value format 1: the test vectors of docs/sealed-value-vectors.txt, and what is refused.
 */
class SealedValueTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DataKey K1 = DataKey.of("k1", new byte[32]);
  private static final Binding DB_PASS = new Binding("table-id-1", "db_pass", 3);

  /** One block of the vectors file. */
  private record Vector(Map<String, String> fields) {
    String get(String name) {
      return fields.get(name);
    }

    DataKey dataKey() {
      return DataKey.of(get("keyId"), HEX.parseHex(get("dataKey")));
    }

    Binding binding() {
      return new Binding(get("tableId"), get("key"), Long.parseLong(get("version")));
    }

    byte[] sealed() {
      return HEX.parseHex(get("sealed"));
    }
  }

  private static List<Vector> vectors() throws IOException {
    List<Vector> vectors = new ArrayList<>();
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> lines =
        new ArrayList<>(Files.readAllLines(Path.of("..", "docs", "sealed-value-vectors.txt")));
    lines.add("");
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isEmpty()) {
        if (!fields.isEmpty()) {
          vectors.add(new Vector(Map.copyOf(fields)));
          fields.clear();
        }
        continue;
      }
      int colon = line.indexOf(": ");
      fields.put(
          colon < 0 ? line.substring(0, line.length() - 1) : line.substring(0, colon),
          colon < 0 ? "" : line.substring(colon + 2));
    }
    return vectors;
  }

  @Test
  void theVectors_sealAndOpen_asTheFormatSays() throws Exception {
    List<Vector> vectors = vectors();
    assertThat(vectors).hasSize(3);
    for (Vector vector : vectors) {
      byte[] sealed =
          SealedValue.seal(
              vector.dataKey(),
              vector.binding(),
              vector.get("value"),
              HEX.parseHex(vector.get("nonce")));
      assertThat(HEX.formatHex(sealed)).as(vector.get("name")).isEqualTo(vector.get("sealed"));
      assertThat(SealedValue.keyId(vector.sealed())).isEqualTo(vector.get("keyId"));
      assertThat(SealedValue.open(vector.dataKey(), vector.binding(), vector.sealed()))
          .as(vector.get("name"))
          .isEqualTo(vector.get("value"));
    }
  }

  @Test
  void aValueCopiedToAnotherItemTableOrVersion_doesNotOpen() throws Exception {
    byte[] sealed = SealedValue.seal(K1, DB_PASS, "s3cret-value", RANDOM);
    assertThat(SealedValue.open(K1, DB_PASS, sealed)).isEqualTo("s3cret-value");

    for (Binding elsewhere :
        List.of(
            new Binding("table-id-1", "db_user", 3),
            new Binding("table-id-2", "db_pass", 3),
            new Binding("table-id-1", "db_pass", 2),
            new Binding("table-id-1", "db_pass", 4))) {
      assertThatThrownBy(() -> SealedValue.open(K1, elsewhere, sealed))
          .as(elsewhere.toString())
          .isInstanceOf(CannotOpen.class)
          .hasMessage("sealed for another table, item, version or key, or altered");
    }
  }

  @Test
  void anotherDataKey_orAnyAlteredByte_doesNotOpen() throws Exception {
    byte[] sealed = SealedValue.seal(K1, DB_PASS, "s3cret-value", RANDOM);
    byte[] otherBytes = new byte[32];
    otherBytes[0] = 1;
    assertThatThrownBy(() -> SealedValue.open(DataKey.of("k1", otherBytes), DB_PASS, sealed))
        .isInstanceOf(CannotOpen.class);
    assertThatThrownBy(() -> SealedValue.open(DataKey.of("k2", new byte[32]), DB_PASS, sealed))
        .isInstanceOf(CannotOpen.class)
        .hasMessage("it needs data key k1, not k2");

    for (int i = 0; i < sealed.length; i++) {
      byte[] altered = sealed.clone();
      altered[i] ^= 0x01;
      assertThatThrownBy(() -> SealedValue.open(K1, DB_PASS, altered))
          .as("byte %d altered", i)
          .isInstanceOf(CannotOpen.class)
          .message()
          .doesNotContain("s3cret");
    }
    assertThatThrownBy(() -> SealedValue.open(K1, DB_PASS, java.util.Arrays.copyOf(sealed, 20)))
        .isInstanceOf(CannotOpen.class);
  }

  @Test
  void eachSeal_takesANewNonce() {
    byte[] one = SealedValue.seal(K1, DB_PASS, "same", RANDOM);
    byte[] two = SealedValue.seal(K1, DB_PASS, "same", RANDOM);
    assertThat(one).isNotEqualTo(two);
    assertThat(one).hasSize(4 + 1 + 2 + 12 + 4 + 16);
  }

  @Test
  void anotherFormat_isNamed() {
    byte[] sealed = SealedValue.seal(K1, DB_PASS, "x", RANDOM);
    sealed[3] = '2';
    assertThatThrownBy(() -> SealedValue.keyId(sealed))
        .isInstanceOf(CannotOpen.class)
        .hasMessageContaining("DCS1");
  }

  @Test
  void aDataKeyNeverShowsItsBytes() {
    byte[] bytes = new byte[32];
    bytes[5] = 42;
    DataKey key = DataKey.of("k7", bytes);
    assertThat(key).hasToString("DataKey[k7]");
    assertThatThrownBy(() -> DataKey.of("k1", new byte[16]))
        .hasMessage("data key k1 has 16 bytes, not 32");
  }
}
