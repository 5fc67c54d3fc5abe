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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.InstanceMetadataServer;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LocalDynamoDbExtension;
import io.github.dynamodbconfig.testkit.SystemProperties;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the {@code software.amazon.awssdk:ec2} module excluded from the class path (this class runs
 * in its own failsafe execution that excludes it), as a user who wants the smaller jar set does:
 * instance metadata tags still work, and where {@code ec2:DescribeTags} would have been needed the
 * message says what to add or enable.
 */
@ExtendWith(LocalDynamoDbExtension.class)
class WithoutEc2ModuleIT {

  private final LocalDynamoDb engine;

  WithoutEc2ModuleIT(LocalDynamoDb engine) {
    this.engine = engine;
  }

  @BeforeEach
  void exampleTable() {
    ExampleTable.create(engine);
  }

  private SystemProperties onInstance(InstanceMetadataServer imds) {
    return new SystemProperties()
        .set("aws.disableEc2Metadata", "false")
        .set("aws.ec2MetadataServiceEndpoint", imds.endpoint().toString())
        .set("dynamodb.config.endpoint", engine.endpoint().toString())
        .set("dynamodb.config.region", LocalDynamoDb.REGION.id());
  }

  @Test
  void theEc2ModuleIsReallyAbsent() {
    assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.services.ec2.Ec2Client"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void tagInMetadata_stillGivesTheRole() {
    try (InstanceMetadataServer imds =
            InstanceMetadataServer.start().tag("Environment-role", ExampleTable.ROLE);
        SystemProperties properties = onInstance(imds)) {
      var config = new SmallRyeConfigBuilder().addDiscoveredSources().build();

      assertThat(config.getValue("db_port", int.class)).isEqualTo(5432);
    }
  }

  @Test
  void tagsNotInMetadata_saysWhichDependencyToAddOrWhichOptionToEnable() {
    try (InstanceMetadataServer imds =
            InstanceMetadataServer.start()
                .instanceId("i-0123456789abcdef0")
                .tag("Environment-role", ExampleTable.ROLE)
                .tagsInMetadata(false);
        SystemProperties properties = onInstance(imds).set("dynamodb.config.required", "true")) {
      assertThatThrownBy(() -> new SmallRyeConfigBuilder().addDiscoveredSources().build())
          .rootCause()
          .hasMessageContaining(
              "ec2:DescribeTags: not available, the module software.amazon.awssdk:ec2 is not on"
                  + " the class path; add it, or enable tags in instance metadata: aws ec2"
                  + " modify-instance-metadata-options --instance-id i-0123456789abcdef0"
                  + " --instance-metadata-tags enabled");
    }
  }
}
