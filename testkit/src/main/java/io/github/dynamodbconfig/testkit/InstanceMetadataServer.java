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

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An EC2 instance metadata service on loopback that follows the IMDSv2 rules: {@code PUT
 * /latest/api/token} needs the {@code X-aws-ec2-metadata-token-ttl-seconds} header (1 to 21600) and
 * answers a token with that TTL echoed in the same header; every {@code GET} needs a valid,
 * unexpired token in {@code X-aws-ec2-metadata-token}, or gets 401. It serves the instance id, the
 * instance identity document and, when "tags in metadata" is on, {@code
 * /latest/meta-data/tags/instance/<key>} (404 for a missing tag, or for every tag when it is off).
 *
 * <p>{@link #imdsV1Only()} turns it into an old service without the token route: the {@code PUT}
 * gets 404 and {@code GET}s are answered without a token.
 */
public final class InstanceMetadataServer extends ProtocolServer {

  /** The token route of IMDSv2. */
  public static final String TOKEN_PATH = "/latest/api/token";

  static final String TTL_HEADER = "x-aws-ec2-metadata-token-ttl-seconds";
  static final String TOKEN_HEADER = "x-aws-ec2-metadata-token";
  private static final String TAGS_PATH = "/latest/meta-data/tags/instance/";
  private static final String ACCOUNT_ID = "123456789012";

  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> tags = new ConcurrentHashMap<>();
  private final Map<String, Integer> errors = new ConcurrentHashMap<>();
  private volatile String instanceId = "i-0123456789abcdef0";
  private volatile String region = "eu-west-1";
  private volatile boolean tagsInMetadata = true;
  private volatile boolean v1Only;
  private volatile Clock clock = Clock.systemUTC();

  private InstanceMetadataServer(InetAddress address) {
    super(address);
  }

  /** Starts on a free port of 127.0.0.1. */
  public static InstanceMetadataServer start() {
    return new InstanceMetadataServer(InetAddress.getLoopbackAddress());
  }

  /** Starts on a free port of {@code address}, e.g. the IPv6 loopback {@code ::1}. */
  public static InstanceMetadataServer start(InetAddress address) {
    return new InstanceMetadataServer(address);
  }

  /** Sets the instance id ({@code i-0123456789abcdef0} unless set). */
  public InstanceMetadataServer instanceId(String id) {
    this.instanceId = id;
    return this;
  }

  /** The instance id it serves. */
  public String instanceId() {
    return instanceId;
  }

  /** Sets the region of the identity document ({@code eu-west-1} unless set). */
  public InstanceMetadataServer region(String region) {
    this.region = region;
    return this;
  }

  /** Gives the instance a tag. */
  public InstanceMetadataServer tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  /** Turns "tags in metadata" (the instance option {@code InstanceMetadataTags}) on or off. */
  public InstanceMetadataServer tagsInMetadata(boolean enabled) {
    this.tagsInMetadata = enabled;
    return this;
  }

  /** Makes it an IMDSv1-only service: no token route, {@code GET}s answered without a token. */
  public InstanceMetadataServer imdsV1Only() {
    this.v1Only = true;
    return this;
  }

  /** Answers a {@code GET} of {@code path} that has a valid token with {@code status}, e.g. 503. */
  public InstanceMetadataServer error(String path, int status) {
    errors.put(path, status);
    return this;
  }

  /** Uses {@code clock} to issue and check tokens, so a test can let tokens expire. */
  public InstanceMetadataServer clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** The token {@code PUT}s received so far. */
  public long tokenRequests() {
    return requests().stream()
        .filter(r -> r.method().equals("PUT") && r.path().equals(TOKEN_PATH))
        .count();
  }

  @Override
  protected Response handle(Request request) {
    if (request.path().equals(TOKEN_PATH)) {
      return token(request);
    }
    if (!request.method().equals("GET")) {
      return text(405, "");
    }
    if (!v1Only) {
      String token = request.header(TOKEN_HEADER);
      Instant expiry = token == null ? null : tokens.get(token);
      if (expiry == null || !clock.instant().isBefore(expiry)) {
        return text(401, "");
      }
    }
    Integer error = errors.get(request.path());
    if (error != null) {
      return text(error, "");
    }
    return get(request.path()).map(body -> text(200, body)).orElseGet(() -> text(404, ""));
  }

  private Response token(Request request) {
    if (v1Only) {
      return text(404, "");
    }
    if (!request.method().equals("PUT")) {
      return text(405, "");
    }
    if (request.header("x-forwarded-for") != null) {
      return text(403, "");
    }
    int ttl;
    try {
      ttl = Integer.parseInt(String.valueOf(request.header(TTL_HEADER)).trim());
    } catch (NumberFormatException e) {
      return text(400, "");
    }
    if (ttl < 1 || ttl > 21_600) {
      return text(400, "");
    }
    String token = "AQAEA" + UUID.randomUUID().toString().replace("-", "");
    tokens.put(token, clock.instant().plusSeconds(ttl));
    return new Response(
        200, Map.of("Content-Type", "text/plain", TTL_HEADER, String.valueOf(ttl)), token);
  }

  private Optional<String> get(String path) {
    if (path.equals("/latest/meta-data/instance-id")) {
      return Optional.of(instanceId);
    }
    if (path.equals("/latest/dynamic/instance-identity/document")) {
      return Optional.of(identityDocument());
    }
    if (path.startsWith(TAGS_PATH) && tagsInMetadata) {
      return Optional.ofNullable(tags.get(path.substring(TAGS_PATH.length())));
    }
    if (path.equals(TAGS_PATH.substring(0, TAGS_PATH.length() - 1)) && tagsInMetadata) {
      return Optional.of(String.join("\n", tags.keySet()));
    }
    return Optional.empty();
  }

  private String identityDocument() {
    return "{\n"
        + "  \"accountId\" : \""
        + ACCOUNT_ID
        + "\",\n"
        + "  \"architecture\" : \"x86_64\",\n"
        + "  \"availabilityZone\" : \""
        + region
        + "a\",\n"
        + "  \"imageId\" : \"ami-0abcdef1234567890\",\n"
        + "  \"instanceId\" : \""
        + instanceId
        + "\",\n"
        + "  \"instanceType\" : \"t3.micro\",\n"
        + "  \"pendingTime\" : \"2026-11-01T08:00:00Z\",\n"
        + "  \"privateIp\" : \"10.0.0.12\",\n"
        + "  \"region\" : \""
        + region
        + "\",\n"
        + "  \"version\" : \"2017-09-30\"\n"
        + "}";
  }

  private static Response text(int status, String body) {
    return Response.of(status, "text/plain", body);
  }
}
