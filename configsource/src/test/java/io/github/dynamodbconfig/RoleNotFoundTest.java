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

import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.RequestCounter;
import io.github.dynamodbconfig.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.imds.Ec2MetadataResponse;

/**
 * Role resolution that finds no usable role: absent, empty, unreadable or invalid, and what each
 * says.
 */
class RoleNotFoundTest extends Ec2TestBase {

  RoleNotFoundTest(LocalDynamoDb engine) {
    super(engine);
  }

  @Test
  void unexpectedFailureOfAMetadataRequest_isReported_notThrown() {
    imds.tag(TAG, ROLE);
    Function<Settings, Resolution> failing =
        settings -> {
          Ec2MetadataClient real =
              AwsClients.instanceMetadata(settings.metadataTimeout())
                  .endpoint(imds.endpoint())
                  .build();
          Ec2MetadataClient client =
              new Ec2MetadataClient() {
                @Override
                public Ec2MetadataResponse get(String path) {
                  real.get(path);
                  throw new IllegalStateException("unexpected");
                }

                @Override
                public void close() {
                  real.close();
                }
              };
          return new RoleResolver(
                  settings, client, Optional.empty(), () -> Optional.of(LocalDynamoDb.REGION))
              .resolve();
        };

    assertEmptyWithOneWarning(load(LocalSettings.of(engine), failing))
        .contains(
            "and the EC2 tag 'Environment-role' could not be read (tried: instance metadata tag"
                + " Environment-role: failed (IllegalStateException: unexpected))");
  }

  @Test
  void tagAbsentEverywhere_byDefault_isEmpty_withOneInfoLineNamingWhatWasTried() {
    imds.tag("Name", "web-1");
    imds.tagsInMetadata(false);

    DynamoDbConfigSource source;
    List<String> logged;
    try (LogCapture log = LogCapture.start()) {
      source = Sources.create(LocalSettings.of(engine), localEc2());
      logged = log.infoAndAbove();
    }

    assertThat(source.getProperties()).isEmpty();
    assertThat(source.getName()).isEqualTo("DynamoDbConfigSource[no table]");
    assertThat(logged)
        .containsExactly(
            "DDBCFG-0002 No DynamoDB config table: neither dynamodb.config.table nor"
                + " dynamodb.config.role is set, and the EC2 tag 'Environment-role' was not found"
                + " on instance"
                + " i-0a1b2c3d4e5f60718 (tried: instance metadata: tags are not exposed in"
                + " instance metadata; ec2:DescribeTags on instance i-0a1b2c3d4e5f60718: no tag"
                + " 'Environment-role'). Set dynamodb.config.role or dynamodb.config.table as a"
                + " system property, an environment variable (DYNAMODB_CONFIG_ROLE,"
                + " DYNAMODB_CONFIG_TABLE) or in META-INF/microprofile-config.properties, or tag"
                + " the EC2 instance Environment-role=<role>; the DynamoDB config source is empty");
    assertThat(ec2.describeTagsRequests()).hasSize(1);
    assertThat(RequestCounter.requests())
        .extracting(RequestCounter.Request::service)
        .containsExactly("Ec2");
  }

  @Test
  void tagAbsent_withTagsInMetadata_needsNoEc2ApiCall() {
    imds.tag("Name", "web-1");

    var source = Sources.create(LocalSettings.of(engine), localEc2());

    assertThat(source.getProperties()).isEmpty();
    assertThat(ec2.requests()).isEmpty();
    assertThat(imds.tokenRequests()).isEqualTo(1);
  }

  @Test
  void tagAbsentEverywhere_withRequired_failsNamingTagInstanceAndSteps() {
    imds.tagsInMetadata(false);

    assertThatThrownBy(
            () -> Sources.create(LocalSettings.of(engine, "required", "true"), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0004 No DynamoDB config table: neither dynamodb.config.table nor dynamodb.config.role is"
                + " set, and the EC2 tag 'Environment-role' was not found on instance"
                + " i-0a1b2c3d4e5f60718 (tried: instance metadata: tags are not exposed in"
                + " instance metadata; ec2:DescribeTags on instance i-0a1b2c3d4e5f60718: no tag"
                + " 'Environment-role').")
        .hasMessageEndingWith("(dynamodb.config.required=true)");
  }

  @Test
  void describeTagsDenied_namesTheActionAndTheInstance_inAWarning() {
    imds.tagsInMetadata(false);
    ec2.denyDescribeTags();

    List<String> warnings = load(LocalSettings.of(engine), localEc2()).warnings();

    assertThat(warnings)
        .singleElement()
        .asString()
        .isEqualTo(
            "DDBCFG-0003 No DynamoDB config table: neither dynamodb.config.table nor dynamodb.config.role is"
                + " set, and the EC2 tag 'Environment-role' could not be read on instance"
                + " i-0a1b2c3d4e5f60718 (tried: instance metadata: tags are not exposed in"
                + " instance metadata; ec2:DescribeTags on instance i-0a1b2c3d4e5f60718 in region"
                + " eu-west-1 was denied (UnauthorizedOperation): grant the instance's IAM role the"
                + " action ec2:DescribeTags, or enable tags in instance metadata: aws ec2"
                + " modify-instance-metadata-options --instance-id i-0a1b2c3d4e5f60718"
                + " --instance-metadata-tags enabled). Set dynamodb.config.role or"
                + " dynamodb.config.table as a system property, an environment variable"
                + " (DYNAMODB_CONFIG_ROLE, DYNAMODB_CONFIG_TABLE) or in"
                + " META-INF/microprofile-config.properties, or tag the EC2 instance"
                + " Environment-role=<role>; the DynamoDB config source is empty");
    assertThatThrownBy(
            () -> Sources.create(LocalSettings.of(engine, "required", "true"), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageContaining(
            "the EC2 tag 'Environment-role' could not be read on instance i-0a1b2c3d4e5f60718"
                + " (tried: ")
        .hasMessageNotContaining("was not found")
        .hasMessageContaining("ec2:DescribeTags on instance i-0a1b2c3d4e5f60718")
        .hasMessageContaining("was denied (UnauthorizedOperation)");
  }

  @Test
  void withoutTheEc2Module_andTagsNotInMetadata_saysWhatToAddOrEnable() {
    imds.tagsInMetadata(false);
    Function<Settings, Resolution> withoutEc2 =
        settings ->
            new RoleResolver(
                    settings,
                    AwsClients.instanceMetadata(settings.metadataTimeout())
                        .endpoint(imds.endpoint())
                        .build(),
                    Optional.empty(),
                    () -> Optional.of(LocalDynamoDb.REGION))
                .resolve();

    assertThatThrownBy(
            () -> Sources.create(LocalSettings.of(engine, "required", "true"), withoutEc2))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageContaining(
            "the EC2 tag 'Environment-role' could not be read on instance i-0a1b2c3d4e5f60718"
                + " (tried: ")
        .hasMessageContaining(
            "ec2:DescribeTags: not available, the module software.amazon.awssdk:ec2 is not on the"
                + " class path; add it, or enable tags in instance metadata: aws ec2"
                + " modify-instance-metadata-options --instance-id i-0a1b2c3d4e5f60718"
                + " --instance-metadata-tags enabled");
    assertThat(ec2.requests()).isEmpty();
  }

  @Test
  void imdsV1OnlyServer_isNotUsed_andSaysSo() {
    imds.imdsV1Only().tag(TAG, ROLE);

    assertEmptyWithOneWarning(load(LocalSettings.of(engine), localEc2()))
        .contains(
            "and the EC2 tag 'Environment-role' could not be read (tried: instance metadata: no"
                + " IMDSv2 token route")
        .contains(
            "(tried: instance metadata: no IMDSv2 token route (PUT /latest/api/token answered"
                + " 404); this library reads instance metadata through IMDSv2 only, never IMDSv1)");
    assertThat(paths(imds.requests())).containsExactly("PUT /latest/api/token");
  }

  @Test
  void metadataErrorAfterItAnswered_isATagThatCouldNotBeRead_neverNotOnEc2() {
    imds.tagsInMetadata(false).error("/latest/meta-data/tags/instance", 503);

    assertEmptyWithOneWarning(load(LocalSettings.of(engine), localEc2()))
        .contains("the EC2 tag 'Environment-role' could not be read (tried: ")
        .contains(
            "instance metadata tag Environment-role: answered with an error (The requested"
                + " metadata at path '/latest/meta-data/tags/instance' returned Http code 503)")
        .doesNotContain("not on EC2");
    assertThat(ec2.requests()).isEmpty();
  }

  @Test
  void expiredToken_isRefused_andSaysSo() {
    // Every reading of the server's clock is an hour after the last: each token has expired by
    // the time it is used.
    imds.clock(TestClock.stepping(Instant.parse("2026-11-25T00:00:00Z"), Duration.ofHours(1)))
        .tag(TAG, ROLE);

    assertThatThrownBy(
            () -> Sources.create(LocalSettings.of(engine, "required", "true"), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageContaining("the EC2 tag 'Environment-role' could not be read (tried: ")
        .hasMessageContaining(
            "instance metadata tag Environment-role: the IMDSv2 token was refused (401: expired"
                + " or invalid)");
  }

  @Test
  void emptyTagValue_isNoRole() {
    imds.tag(TAG, "");

    assertThatThrownBy(
            () -> Sources.create(LocalSettings.of(engine, "required", "true"), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageContaining(
            "and the EC2 tag 'Environment-role' has an empty value (tried: instance metadata: the"
                + " tag 'Environment-role' has an empty value)");
  }

  @Test
  void roleThatMakesNoValidTableName_failsStartup_unlessNotRequired() {
    imds.tag(TAG, "prod myapp");
    String invalid =
        "Table name 'prod myapp-config' made from role 'prod myapp' with"
            + " dynamodb.config.table-template={role}-config is not a valid DynamoDB table name";

    assertThatThrownBy(() -> Sources.create(LocalSettings.of(engine), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith("DDBCFG-0102 " + invalid);

    // The tag was read: the line says the role makes no valid table name, never that the tag
    // could not be read, and asks for a role that makes one rather than for a tag.
    assertEmptyWithOneWarning(load(LocalSettings.of(engine, "required", "false"), localEc2()))
        .isEqualTo(
            "DDBCFG-0003 No DynamoDB config table: neither dynamodb.config.table nor"
                + " dynamodb.config.role is set, and the role of EC2 tag 'Environment-role' makes no valid table name"
                + " (tried: instance metadata: "
                + invalid
                + " (3 to 255 of A-Z a-z 0-9 _ . -)). Set dynamodb.config.role or"
                + " dynamodb.config.table as a system property, an environment variable"
                + " (DYNAMODB_CONFIG_ROLE, DYNAMODB_CONFIG_TABLE) or in"
                + " META-INF/microprofile-config.properties, or give the tag a role that makes a"
                + " valid table name with dynamodb.config.table-template={role}-config; the"
                + " DynamoDB config source is empty");
  }

  @Test
  void roleWithControlCharacters_isEscapedInEveryMessage() {
    imds.tag(TAG, "prod\nINFO: forged line\u001b[0m");

    assertThatThrownBy(() -> Sources.create(LocalSettings.of(engine), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0102 Table name 'prod\\u000aINFO: forged line\\u001b[0m-config' made from role"
                + " 'prod\\u000aINFO: forged line\\u001b[0m' with")
        .message()
        .doesNotContain("\n", "\u001b");

    assertEmptyWithOneWarning(load(LocalSettings.of(engine, "required", "false"), localEc2()))
        .contains("role 'prod\\u000aINFO: forged line\\u001b[0m'")
        .doesNotContain("\n", "\u001b");
  }

  @Test
  void foundRole_whoseTableIsMissing_failsAsAMissingTable() {
    imds.tag(TAG, "prod-nothing");

    assertThatThrownBy(() -> Sources.create(LocalSettings.of(engine), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DDBCFG-0405 DynamoDB table 'prod-nothing-config' (role 'prod-nothing') in region us-east-1 was"
                + " not found");
  }
}
