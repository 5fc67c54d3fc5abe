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

import static io.github.dynamodbconfig.testkit.Items.item;
import static io.github.dynamodbconfig.testkit.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.FaultProxy;
import io.github.dynamodbconfig.testkit.FaultProxy.Fault;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Throttling, server errors and broken connections, injected as real bytes by a proxy in front of
 * the local DynamoDB engine: retried inside the time budget, and a snapshot only when every page or
 * batch is in.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class RetryTest {

  private static final String TABLE = ExampleTable.NAME;

  private final LocalDynamoDb engine;
  private FaultProxy proxy;

  RetryTest(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void proxy() {
    ExampleTable.create(engine);
    proxy = FaultProxy.to(engine.endpoint());
  }

  @AfterEach
  void closeProxy() {
    proxy.close();
  }

  private Settings throughProxy(String... keyValues) {
    List<String> all = new ArrayList<>(List.of(keyValues));
    all.addAll(List.of("endpoint", proxy.endpoint().toString(), "table", TABLE));
    return LocalSettings.of(engine, all.toArray(String[]::new));
  }

  static Stream<Arguments> retryableFaults() {
    return Stream.of(
        Arguments.of(
            FaultProxy.provisionedThroughputExceeded(),
            "400 ProvisionedThroughputExceededException"),
        Arguments.of(FaultProxy.throttling(), "400 ThrottlingException"),
        Arguments.of(FaultProxy.requestLimitExceeded(), "400 RequestLimitExceeded"),
        Arguments.of(FaultProxy.serverError(500), "500 InternalServerError"),
        Arguments.of(FaultProxy.serverError(503), "503 ServiceUnavailableException"),
        Arguments.of(new FaultProxy.ResetMidResponse(), "ResetMidResponse"),
        Arguments.of(new FaultProxy.CutResponse(), "CutResponse"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("retryableFaults")
  void scan_afterThreeFaults_isRetried_andLoadsTheWholeTable(Fault fault, String logged) {
    proxy.next(3, fault);

    var source = Sources.create(throughProxy());

    assertThat(source.getProperties()).hasSize(6).containsEntry("db_port", "5432");
    assertThat(proxy.log())
        .containsExactly("Scan " + logged, "Scan " + logged, "Scan " + logged, "Scan forwarded");
  }

  @Test
  void throttledBeyondTheBudget_failsNamingTheTimeout_andPublishesNothing() {
    proxy.next(1000, FaultProxy.provisionedThroughputExceeded());

    assertThatThrownBy(() -> Sources.create(throughProxy("timeout", "1s")))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0402 Loading DynamoDB table 'test-myapp-website-config' in region us-east-1 did not"
                + " finish within dynamodb.config.timeout=PT1S");
    assertThat(proxy.log()).hasSizeBetween(2, AwsClients.MAX_ATTEMPTS);
  }

  @Test
  void throttledBeyondTheBudget_notRequired_isEmpty_withOneWarning() {
    proxy.next(1000, FaultProxy.throttling());

    DynamoDbConfigSource source;
    List<String> warnings;
    try (LogCapture log = LogCapture.start()) {
      source = Sources.create(throughProxy("timeout", "1s", "required", "false"));
      warnings = log.messages(Level.WARNING);
    }

    assertThat(source.getProperties()).isEmpty();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("did not finish within dynamodb.config.timeout=PT1S")
        .endsWith("is empty because dynamodb.config.required=false");
  }

  @Test
  void scanOfSeveralPages_withAResetOnTheSecondPage_isComplete() {
    String table = bigTable(300);
    proxy.next(1, new FaultProxy.Pass()).next(1, new FaultProxy.ResetMidResponse());

    var source =
        Sources.create(
            LocalSettings.of(engine, "endpoint", proxy.endpoint().toString(), "table", table));

    assertThat(source.getProperties()).hasSize(300);
    assertThat(proxy.log())
        .containsExactly("Scan forwarded", "Scan ResetMidResponse", "Scan forwarded");
  }

  @Test
  void scanOfSeveralPages_whoseSecondPageNeverComes_publishesNoPartialTable() {
    String table = bigTable(300);
    proxy.next(1, new FaultProxy.Pass()).next(1000, FaultProxy.serverError(500));

    assertThatThrownBy(
            () ->
                Sources.create(
                    LocalSettings.of(
                        engine, "endpoint", proxy.endpoint().toString(), "table", table)))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0407 Cannot load DynamoDB table 'big-300-config' in region us-east-1: Internal server"
                + " error")
        .hasMessageContaining("(SDK Attempt Count: " + AwsClients.MAX_ATTEMPTS + ")");
    assertThat(proxy.log())
        .hasSize(1 + AwsClients.MAX_ATTEMPTS)
        .startsWith("Scan forwarded", "Scan 500 InternalServerError");
  }

  @Test
  void batches_withThrottledRequests_areAllLoaded() {
    String table = bigTable(250);
    String keys =
        IntStream.range(0, 250).mapToObj(i -> "key_" + i).collect(Collectors.joining(","));
    proxy.next(2, FaultProxy.provisionedThroughputExceeded());

    var source =
        Sources.create(
            LocalSettings.of(
                engine, "endpoint", proxy.endpoint().toString(), "table", table, "keys", keys));

    assertThat(source.getProperties()).hasSize(250);
    assertThat(proxy.log()).filteredOn(line -> line.startsWith("BatchGetItem 400")).hasSize(2);
    assertThat(proxy.log()).filteredOn(line -> line.endsWith("forwarded")).hasSize(3);
  }

  @Test
  void accessDenied_namesTheActionAndTheTableArn_neverNotFound() {
    proxy.next(
        1,
        FaultProxy.accessDenied(
            "dynamodb:Scan", "arn:aws:dynamodb:us-east-1:123456789012:table/" + TABLE));

    assertThatThrownBy(() -> Sources.create(throughProxy()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0406 Access to DynamoDB table 'test-myapp-website-config' in region us-east-1 was denied:"
                + " the credentials need the IAM action dynamodb:Scan on"
                + " arn:aws:dynamodb:us-east-1:<account>:table/test-myapp-website-config")
        .message()
        .doesNotContainIgnoringCase("not found");
    assertThat(proxy.log()).containsExactly("Scan 400 AccessDeniedException");
  }

  /** A table of {@code items} items of about 4 KB each: more than one 1 MB Scan page. */
  private String bigTable(int items) {
    String table = "big-" + items + "-config";
    engine.createConfigTable(table);
    String filler = String.join("", Collections.nCopies(4000, "x"));
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      all.add(item("key_" + i, s(i + "-" + filler)));
    }
    engine.putItems(table, all);
    return table;
  }
}
