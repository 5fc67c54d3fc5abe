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

import io.github.dynamodbconfig.testkit.Ec2ApiServer;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.InstanceMetadataServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.ProtocolServer.Request;
import io.github.dynamodbconfig.testkit.RequestCounter;
import io.github.dynamodbconfig.testkit.SystemProperties;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;

/**
 * The EC2 of role resolution tests: a local IMDSv2 server and a local EC2 Query API endpoint,
 * driven through the real SDK clients, with the example table in the local DynamoDB engine. Each
 * subclass checks one path: a role found, no role found, or the SDK's own settings.
 */
@ExtendWith(LocalDynamoDbExtension.class)
abstract class Ec2TestBase {

  static final String ROLE = ExampleTable.ROLE;
  static final String TAG = "Environment-role";

  final LocalDynamoDb engine;
  InstanceMetadataServer imds;
  Ec2ApiServer ec2;

  Ec2TestBase(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void startServers() {
    ExampleTable.create(engine);
    imds = InstanceMetadataServer.start().instanceId("i-0a1b2c3d4e5f60718").region("eu-west-1");
    ec2 = Ec2ApiServer.start();
    RequestCounter.reset();
  }

  @AfterEach
  void stopServers() {
    imds.close();
    ec2.close();
  }

  /** Resolution against the local servers, with {@code configuredRegion} as the SDK's region. */
  Function<Settings, Resolution> localEc2(Optional<Region> configuredRegion) {
    return settings ->
        new RoleResolver(
                settings,
                AwsClients.instanceMetadata(settings.metadataTimeout())
                    .endpoint(imds.endpoint())
                    .build(),
                Optional.of(new Ec2TagApi(Optional.of(ec2.endpoint()))),
                () -> configuredRegion)
            .resolve();
  }

  Function<Settings, Resolution> localEc2() {
    return localEc2(Optional.of(LocalDynamoDb.REGION));
  }

  /** A source and the INFO and WARN lines logged while it was made. */
  record Loaded(DynamoDbConfigSource source, List<String> info, List<String> warnings) {}

  static Loaded load(Settings settings, Function<Settings, Resolution> fromEc2) {
    try (LogCapture log = LogCapture.start()) {
      DynamoDbConfigSource source = Sources.create(settings, fromEc2);
      return new Loaded(source, log.messages(Level.INFO), log.messages(Level.WARNING));
    }
  }

  /** Checks that {@code loaded} is empty with one WARN line, and returns that line to check. */
  static AbstractStringAssert<?> assertEmptyWithOneWarning(Loaded loaded) {
    assertThat(loaded.source().getProperties()).isEmpty();
    return assertThat(loaded.warnings()).singleElement().asString();
  }

  static List<String> paths(List<Request> requests) {
    return requests.stream().map(Request::toString).toList();
  }

  /** Turns instance metadata on (the build turns it off) at {@code endpoint}. */
  static SystemProperties enableMetadataAt(String endpoint) {
    return new SystemProperties()
        .set("aws.disableEc2Metadata", "false")
        .set("aws.ec2MetadataServiceEndpoint", endpoint);
  }
}
