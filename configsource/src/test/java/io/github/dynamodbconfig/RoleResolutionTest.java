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
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dynamodbconfig.testkit.BlackHole;
import io.github.dynamodbconfig.testkit.DynamoDbLocal;
import io.github.dynamodbconfig.testkit.DynamoDbLocalExtension;
import io.github.dynamodbconfig.testkit.Ec2ApiServer;
import io.github.dynamodbconfig.testkit.ExampleTable;
import io.github.dynamodbconfig.testkit.InstanceMetadataServer;
import io.github.dynamodbconfig.testkit.Items;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.ProtocolServer.Request;
import io.github.dynamodbconfig.testkit.RequestCounter;
import io.github.dynamodbconfig.testkit.SystemProperties;
import io.github.dynamodbconfig.testkit.TestClock;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.imds.Ec2MetadataResponse;
import software.amazon.awssdk.regions.Region;

/**
 * Role resolution on EC2 (design 3.1) through the real SDK clients, against a local IMDSv2 server
 * and a local EC2 Query API endpoint, with the table in DynamoDB Local.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class RoleResolutionTest {

  private static final String ROLE = ExampleTable.ROLE;
  private static final String TAG = "Environment-role";

  private final DynamoDbLocal engine;
  private InstanceMetadataServer imds;
  private Ec2ApiServer ec2;

  RoleResolutionTest(DynamoDbLocal engine) {
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
  private Function<Settings, Resolution> localEc2(Optional<Region> configuredRegion) {
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

  private Function<Settings, Resolution> localEc2() {
    return localEc2(Optional.of(DynamoDbLocal.REGION));
  }

  /** A source and the INFO and WARN lines logged while it was made. */
  private record Loaded(DynamoDbConfigSource source, List<String> info, List<String> warnings) {}

  private static Loaded load(Settings settings, Function<Settings, Resolution> fromEc2) {
    try (LogCapture log = LogCapture.start()) {
      DynamoDbConfigSource source = new DynamoDbConfigSource(settings, fromEc2);
      return new Loaded(source, log.messages(Level.INFO), log.messages(Level.WARNING));
    }
  }

  /** Checks that {@code loaded} is empty with one WARN line, and returns that line to check. */
  private static AbstractStringAssert<?> assertEmptyWithOneWarning(Loaded loaded) {
    assertThat(loaded.source().getProperties()).isEmpty();
    return assertThat(loaded.warnings()).singleElement().asString();
  }

  private static List<String> paths(List<Request> requests) {
    return requests.stream().map(Request::toString).toList();
  }

  @Test
  void tagInMetadata_givesRole_withOneTokenAndNoEc2ApiCall() {
    imds.tag(TAG, ROLE);

    Loaded loaded = load(LocalSettings.of(engine), localEc2());
    DynamoDbConfigSource source = loaded.source();
    List<String> info = loaded.info();

    assertThat(source.getValue("db_port")).isEqualTo("5432");
    assertThat(source.getName())
        .isEqualTo(
            "DynamoDbConfigSource[table=test-myapp-website-config, role=test-myapp-website]");
    assertThat(info)
        .singleElement()
        .asString()
        .startsWith(
            "Loaded DynamoDB table 'test-myapp-website-config' (role 'test-myapp-website' from"
                + " EC2 tag Environment-role via instance metadata, region us-east-1): 6"
                + " properties");
    assertThat(paths(imds.requests()))
        .containsExactly("PUT /latest/api/token", "GET /latest/meta-data/tags/instance/" + TAG);
    assertThat(imds.requests().get(0).header("X-aws-ec2-metadata-token-ttl-seconds"))
        .isEqualTo("60");
    assertThat(imds.requests().get(1).header("X-aws-ec2-metadata-token")).isNotBlank();
    assertThat(ec2.requests()).isEmpty();
  }

  @Test
  void tagsNotInMetadata_oneDescribeTags_withBothFilters_inTheIdentityDocumentRegion() {
    imds.tagsInMetadata(false).tag(TAG, ROLE);
    ec2.tag(imds.instanceId(), TAG, ROLE).tag(imds.instanceId(), "Name", "web-1");
    ec2.tag("i-0ffffffffffffffff", TAG, "prod-other-website");

    Request call =
        assertRoleFoundWithOneDescribeTags(load(LocalSettings.of(engine), localEc2()), TAG);

    assertThat(imds.tokenRequests()).isEqualTo(1);
    assertThat(Ec2ApiServer.signingRegion(call)).isEqualTo("eu-west-1");
  }

  /**
   * {@code loaded} serves the example table of the role that one {@code DescribeTags} call,
   * filtered to this instance and {@code tag}, found; returns that call.
   */
  private Request assertRoleFoundWithOneDescribeTags(Loaded loaded, String tag) {
    assertThat(loaded.source().getValue("db_port")).isEqualTo("5432");
    assertThat(loaded.info())
        .singleElement()
        .asString()
        .startsWith(
            "Loaded DynamoDB table 'test-myapp-website-config' (role 'test-myapp-website' from"
                + " EC2 tag "
                + tag
                + " via ec2:DescribeTags on instance i-0a1b2c3d4e5f60718, region us-east-1)");
    List<Request> calls = ec2.describeTagsRequests();
    assertThat(ec2.requests()).hasSize(1);
    assertThat(calls).hasSize(1);
    assertThat(Ec2ApiServer.filters(calls.get(0)))
        .containsExactly(
            entry("resource-id", List.of("i-0a1b2c3d4e5f60718")), entry("key", List.of(tag)));
    return calls.get(0);
  }

  @Test
  void noRegionConfigured_theTableIsReadInTheInstanceRegion() {
    imds.tag(TAG, ROLE).region(DynamoDbLocal.REGION.id());
    Settings settings =
        Settings.read(
            Map.of(DynamoDbConfigSetting.ENDPOINT.key(), engine.endpoint().toString())::get);

    Loaded loaded = load(settings, localEc2(Optional.empty()));
    DynamoDbConfigSource source = loaded.source();
    List<String> info = loaded.info();

    assertThat(source.getValue("db_port")).isEqualTo("5432");
    assertThat(info).singleElement().asString().contains("region us-east-1)");
    assertThat(paths(imds.requests()))
        .containsExactly(
            "PUT /latest/api/token",
            "GET /latest/meta-data/tags/instance/" + TAG,
            "GET /latest/dynamic/instance-identity/document");
  }

  @Test
  void tableTemplate_makesTheTableFromTheTaggedRole() {
    imds.tag(TAG, "myapp-website");
    engine.createConfigTable("cfg-myapp-website");
    engine.put("cfg-myapp-website", "db_port", Items.s("6543"));

    var source =
        new DynamoDbConfigSource(
            LocalSettings.of(engine, "table-template", "cfg-{role}"), localEc2());

    assertThat(source.getName())
        .isEqualTo("DynamoDbConfigSource[table=cfg-myapp-website, role=myapp-website]");
    assertThat(source.getValue("db_port")).isEqualTo("6543");
  }

  @Test
  void roleTagSetting_readsThatTag() {
    imds.tag("Stage", ROLE).tag(TAG, "prod-other-website");

    var source =
        new DynamoDbConfigSource(LocalSettings.of(engine, "role-tag", "Stage"), localEc2());

    assertThat(source.getName()).contains("role=" + ROLE);
    assertThat(paths(imds.requests())).contains("GET /latest/meta-data/tags/instance/Stage");
  }

  @Test
  void roleTagWithASpace_isReadWithDescribeTags_withoutAskingInstanceMetadataForIt() {
    roleTagThatInstanceMetadataCannotHold_isReadWithOneDescribeTags("Environment role");
  }

  @Test
  void roleTagWithAHash_isReadWithDescribeTags_withoutAskingInstanceMetadataForIt() {
    roleTagThatInstanceMetadataCannotHold_isReadWithOneDescribeTags("a#b");
  }

  /**
   * Instance metadata cannot hold the tag key {@code key} (tags in metadata are on, and it serves a
   * tag of that name with another role, which must not be asked for): one {@code DescribeTags} with
   * that key finds the role.
   */
  private void roleTagThatInstanceMetadataCannotHold_isReadWithOneDescribeTags(String key) {
    imds.tag(key, "prod-other-website");
    ec2.tag(imds.instanceId(), key, ROLE);

    assertRoleFoundWithOneDescribeTags(
        load(LocalSettings.of(engine, "role-tag", key), localEc2()), key);

    assertThat(paths(imds.requests()))
        .containsExactly(
            "PUT /latest/api/token",
            "GET /latest/meta-data/instance-id",
            "GET /latest/dynamic/instance-identity/document");
  }

  @Test
  void roleTagThatInstanceMetadataCannotHold_absent_saysWhyMetadataWasNotAsked() {
    ec2.tag(imds.instanceId(), "Environment-role", "prod-other-website");

    List<String> logged;
    try (LogCapture log = LogCapture.start()) {
      new DynamoDbConfigSource(
          LocalSettings.of(engine, "role-tag", "Environment role"), localEc2());
      logged = log.infoAndAbove();
    }

    assertThat(logged)
        .singleElement()
        .asString()
        .contains(
            " (tried: instance metadata: not asked for the tag, the tag key 'Environment role'"
                + " cannot appear in instance metadata (a space); ec2:DescribeTags on instance"
                + " i-0a1b2c3d4e5f60718: no tag 'Environment role').");
    assertThat(ec2.describeTagsRequests()).hasSize(1);
    assertThat(paths(imds.requests())).noneMatch(path -> path.contains("/tags/"));
  }

  @Test
  void roleTagThatInstanceMetadataCannotHold_denied_doesNotAdviseTagsInMetadata() {
    ec2.denyDescribeTags();

    assertThatThrownBy(
            () ->
                new DynamoDbConfigSource(
                    LocalSettings.of(engine, "role-tag", "Environment/role", "required", "true"),
                    localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageContaining(
            "the EC2 tag 'Environment/role' could not be read on instance i-0a1b2c3d4e5f60718"
                + " (tried: instance metadata: not asked for the tag, the tag key 'Environment/role'"
                + " cannot appear in instance metadata (a '/'); ec2:DescribeTags on instance"
                + " i-0a1b2c3d4e5f60718 in region eu-west-1 was denied (UnauthorizedOperation):"
                + " grant the instance's IAM role the action ec2:DescribeTags).");
  }

  @Test
  void tagKeysThatInstanceMetadataCannotHold() {
    for (String allowed :
        List.of("Environment-role", "Stage", "a+b=c.d,e_f:g@h", "0", "...", "_index2")) {
      assertThat(InstanceMetadata.notInMetadata(allowed)).as(allowed).isEmpty();
    }
    assertThat(InstanceMetadata.notInMetadata("Environment role"))
        .hasValue("the tag key 'Environment role' cannot appear in instance metadata (a space)");
    assertThat(InstanceMetadata.notInMetadata("team/role"))
        .hasValue("the tag key 'team/role' cannot appear in instance metadata (a '/')");
    assertThat(InstanceMetadata.notInMetadata("a?b"))
        .hasValue("the tag key 'a?b' cannot appear in instance metadata (the character '?')");
    assertThat(InstanceMetadata.notInMetadata("Rôle"))
        .hasValue("the tag key 'Rôle' cannot appear in instance metadata (the character 'ô')");
    assertThat(InstanceMetadata.notInMetadata("a\tb"))
        .hasValue("the tag key 'a\tb' cannot appear in instance metadata (the character U+0009)");
    for (String reserved : List.of(".", "..", "_index")) {
      assertThat(InstanceMetadata.notInMetadata(reserved))
          .hasValue(
              "the tag key '"
                  + reserved
                  + "' cannot appear in instance metadata (it may not be '.', '..' or '_index')");
    }
  }

  /**
   * The real client against the local server, failing after its answer with an exception that is no
   * SDK exception (as a malformed path's IllegalArgumentException from URI.create was).
   */
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
                  settings, client, Optional.empty(), () -> Optional.of(DynamoDbLocal.REGION))
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
      source = new DynamoDbConfigSource(LocalSettings.of(engine), localEc2());
      logged = log.infoAndAbove();
    }

    assertThat(source.getProperties()).isEmpty();
    assertThat(source.getName()).isEqualTo("DynamoDbConfigSource[no table]");
    assertThat(logged)
        .containsExactly(
            "No DynamoDB config table: neither dynamodb.config.table nor dynamodb.config.role is"
                + " set, and the EC2 tag 'Environment-role' was not found on instance"
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

    var source = new DynamoDbConfigSource(LocalSettings.of(engine), localEc2());

    assertThat(source.getProperties()).isEmpty();
    assertThat(ec2.requests()).isEmpty();
    assertThat(imds.tokenRequests()).isEqualTo(1);
  }

  @Test
  void tagAbsentEverywhere_withRequired_failsNamingTagInstanceAndSteps() {
    imds.tagsInMetadata(false);

    assertThatThrownBy(
            () ->
                new DynamoDbConfigSource(LocalSettings.of(engine, "required", "true"), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "No DynamoDB config table: neither dynamodb.config.table nor dynamodb.config.role is"
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
            "No DynamoDB config table: neither dynamodb.config.table nor dynamodb.config.role is"
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
            () ->
                new DynamoDbConfigSource(LocalSettings.of(engine, "required", "true"), localEc2()))
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
                    () -> Optional.of(DynamoDbLocal.REGION))
                .resolve();

    assertThatThrownBy(
            () ->
                new DynamoDbConfigSource(LocalSettings.of(engine, "required", "true"), withoutEc2))
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
            () ->
                new DynamoDbConfigSource(LocalSettings.of(engine, "required", "true"), localEc2()))
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
            () ->
                new DynamoDbConfigSource(LocalSettings.of(engine, "required", "true"), localEc2()))
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

    assertThatThrownBy(() -> new DynamoDbConfigSource(LocalSettings.of(engine), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(invalid);

    // The tag was read: the line says the role makes no valid table name, never that the tag
    // could not be read, and asks for a role that makes one rather than for a tag.
    assertEmptyWithOneWarning(load(LocalSettings.of(engine, "required", "false"), localEc2()))
        .isEqualTo(
            "No DynamoDB config table: neither dynamodb.config.table nor dynamodb.config.role is"
                + " set, and the role of EC2 tag 'Environment-role' makes no valid table name"
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

    assertThatThrownBy(() -> new DynamoDbConfigSource(LocalSettings.of(engine), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "Table name 'prod\\u000aINFO: forged line\\u001b[0m-config' made from role"
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

    assertThatThrownBy(() -> new DynamoDbConfigSource(LocalSettings.of(engine), localEc2()))
        .isInstanceOf(DynamoDbConfigException.class)
        .hasMessageStartingWith(
            "DynamoDB table 'prod-nothing-config' (role 'prod-nothing') in region us-east-1 was"
                + " not found");
  }

  // The SDK's own settings, through the production wiring.

  @Test
  void explicitRoleOrTable_makesNoMetadataRequest() {
    imds.tag(TAG, "prod-other-website");
    try (SystemProperties properties = enableMetadataAt(imds.endpoint().toString())) {
      assertThat(new DynamoDbConfigSource(LocalSettings.of(engine, "role", ROLE)).getName())
          .contains("role=" + ROLE);
      assertThat(
              new DynamoDbConfigSource(
                      LocalSettings.of(engine, "table", "test-myapp-website-config"))
                  .getValue("db_port"))
          .isEqualTo("5432");
    }
    assertThat(imds.requests()).isEmpty();
  }

  @Test
  void metadataDisabled_makesNoMetadataRequest() {
    imds.tag(TAG, ROLE);
    try (SystemProperties properties =
        enableMetadataAt(imds.endpoint().toString()).set("aws.disableEc2Metadata", "true")) {
      assertThat(new DynamoDbConfigSource(LocalSettings.of(engine)).getProperties()).isEmpty();
    }
    assertThat(imds.requests()).isEmpty();
  }

  @Test
  void metadataEndpointSetting_ofTheSdk_isHonoured() {
    imds.tag(TAG, ROLE);
    try (SystemProperties properties = enableMetadataAt(imds.endpoint().toString())) {
      assertThat(new DynamoDbConfigSource(LocalSettings.of(engine)).getValue("db_port"))
          .isEqualTo("5432");
    }
    assertThat(imds.tokenRequests()).isEqualTo(1);
  }

  @Test
  void ipv6MetadataEndpoint_isHonoured() throws IOException {
    InetAddress ipv6Loopback = InetAddress.getByName("::1");
    assumeTrue(ipv6Loopback instanceof Inet6Address && canBind(ipv6Loopback), "no IPv6 loopback");
    try (InstanceMetadataServer v6 = InstanceMetadataServer.start(ipv6Loopback).tag(TAG, ROLE);
        SystemProperties properties = enableMetadataAt(v6.endpoint().toString())) {
      assertThat(v6.endpoint().toString()).startsWith("http://[0:0:0:0:0:0:0:1]:");
      assertThat(new DynamoDbConfigSource(LocalSettings.of(engine)).getValue("db_port"))
          .isEqualTo("5432");
      assertThat(v6.tokenRequests()).isEqualTo(1);
    }
  }

  @Test
  void blackHoleMetadataEndpoint_givesUpWithinTheMetadataTimeout() {
    try (BlackHole blackHole = BlackHole.open()) {
      String logged = givesUpWithin1200Ms(blackHole.endpoint().toString(), "black-hole endpoint");

      assertThat(blackHole.connections()).isEqualTo(1);
      assertThat(logged)
          .contains(
              "(tried: instance metadata tag Environment-role: no answer within"
                  + " dynamodb.config.metadata-timeout=PT1S (not on EC2, or instance metadata is"
                  + " blocked))");
    }
  }

  @Test
  void closedMetadataPort_givesUpAtOnce() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    String logged = givesUpWithin1200Ms("http://127.0.0.1:" + port, "closed port");

    assertThat(logged)
        .contains(
            "(tried: instance metadata tag Environment-role: unreachable (ConnectException:"
                + " Connection refused), not on EC2)");
  }

  /**
   * Builds a source with neither role nor table, instance metadata at {@code endpoint}; prints how
   * long resolution took, checks it gave up within 1.2 × the 1 s metadata timeout, and returns the
   * one line it logged.
   */
  private String givesUpWithin1200Ms(String endpoint, String what) {
    try (SystemProperties properties = enableMetadataAt(endpoint)) {
      long start = System.nanoTime();
      List<String> logged;
      try (LogCapture log = LogCapture.start()) {
        new DynamoDbConfigSource(LocalSettings.of(engine));
        logged = log.infoAndAbove();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println(
          "metadata at a " + what + ", metadata-timeout 1 s: gave up after " + millis + " ms");

      assertThat(millis).isLessThan(1200);
      assertThat(logged).hasSize(1);
      return logged.get(0);
    }
  }

  /** Turns instance metadata on (the build turns it off) at {@code endpoint}. */
  private static SystemProperties enableMetadataAt(String endpoint) {
    return new SystemProperties()
        .set("aws.disableEc2Metadata", "false")
        .set("aws.ec2MetadataServiceEndpoint", endpoint);
  }

  private static boolean canBind(InetAddress address) {
    try (ServerSocket socket = new ServerSocket(0, 1, address)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
