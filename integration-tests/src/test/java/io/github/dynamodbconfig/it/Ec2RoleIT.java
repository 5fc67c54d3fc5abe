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
package io.github.dynamodbconfig.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.dynamodbconfig.testkit.Ec2ApiServer;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.InstanceMetadataServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.SystemProperties;
import java.util.List;
import java.util.logging.Level;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end on a simulated EC2 instance: no role and no region configured; the role comes from the
 * instance's tag through ec2:DescribeTags (tags are not in its metadata), the region from its
 * identity document, and the value from the local DynamoDB engine, through {@code ConfigProvider}.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class Ec2RoleIT {

  private final LocalDynamoDb engine;

  Ec2RoleIT(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @Test
  void roleFromTheInstanceTag_givesTheTablesValues_throughConfigProvider() throws Exception {
    ExampleTable.create(engine);
    try (InstanceMetadataServer imds =
            InstanceMetadataServer.start()
                .instanceId("i-0e2e0e2e0e2e0e2e0")
                .region("eu-west-1")
                .tagsInMetadata(false);
        Ec2ApiServer ec2 =
            Ec2ApiServer.start().tag("i-0e2e0e2e0e2e0e2e0", "Environment-role", ExampleTable.ROLE);
        SystemProperties properties =
            new SystemProperties()
                .set("aws.disableEc2Metadata", "false")
                .set("aws.ec2MetadataServiceEndpoint", imds.endpoint().toString())
                .set("aws.endpointUrlEc2", ec2.endpoint().toString())
                .set("dynamodb.config.endpoint", engine.endpoint().toString());
        LogCapture log = LogCapture.start()) {
      Config config = ConfigProvider.getConfig();
      try {
        assertThat(config.getValue("db_port", int.class)).isEqualTo(5432);
      } finally {
        ConfigProviderResolver.instance().releaseConfig(config);
      }

      assertThat(log.messages(Level.INFO))
          .singleElement()
          .asString()
          .startsWith(
              "DDBCFG-0301 Loaded DynamoDB table 'test-myapp-website-config' (role"
                  + " 'test-myapp-website' from"
                  + " EC2 tag Environment-role via ec2:DescribeTags on instance"
                  + " i-0e2e0e2e0e2e0e2e0, region eu-west-1)");
      assertThat(imds.tokenRequests()).isEqualTo(1);
      List<InstanceMetadataServer.Request> calls = ec2.describeTagsRequests();
      assertThat(calls).hasSize(1);
      assertThat(Ec2ApiServer.signingRegion(calls.get(0))).isEqualTo("eu-west-1");
      assertThat(Ec2ApiServer.filters(calls.get(0)))
          .containsExactly(
              entry("resource-id", List.of("i-0e2e0e2e0e2e0e2e0")),
              entry("key", List.of("Environment-role")));
    }
  }
}
