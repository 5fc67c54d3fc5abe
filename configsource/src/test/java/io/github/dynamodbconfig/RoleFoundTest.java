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

import io.github.dynamodbconfig.testkit.Ec2ApiServer;
import io.github.dynamodbconfig.testkit.Items;
import io.github.dynamodbconfig.testkit.LocalDynamoDb;
import io.github.dynamodbconfig.testkit.LogCapture;
import io.github.dynamodbconfig.testkit.ProtocolServer.Request;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Role resolution that finds the role: from instance metadata tags, or with one {@code
 * ec2:DescribeTags}.
 */
class RoleFoundTest extends Ec2TestBase {

  RoleFoundTest(LocalDynamoDb engine) {
    super(engine);
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
            "DDBCFG-0301 Loaded DynamoDB table 'test-myapp-website-config' (role 'test-myapp-website' from"
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
            "DDBCFG-0301 Loaded DynamoDB table 'test-myapp-website-config' (role 'test-myapp-website' from"
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
    imds.tag(TAG, ROLE).region(LocalDynamoDb.REGION.id());
    Settings settings =
        SettingsParser.read(
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
        Sources.create(LocalSettings.of(engine, "table-template", "cfg-{role}"), localEc2());

    assertThat(source.getName())
        .isEqualTo("DynamoDbConfigSource[table=cfg-myapp-website, role=myapp-website]");
    assertThat(source.getValue("db_port")).isEqualTo("6543");
  }

  @Test
  void roleTagSetting_readsThatTag() {
    imds.tag("Stage", ROLE).tag(TAG, "prod-other-website");

    var source = Sources.create(LocalSettings.of(engine, "role-tag", "Stage"), localEc2());

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
      Sources.create(LocalSettings.of(engine, "role-tag", "Environment role"), localEc2());
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
                Sources.create(
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
}
