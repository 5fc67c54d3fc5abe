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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Amazon EC2 Query API endpoint on loopback that answers {@code DescribeTags} as the EC2 API
 * reference documents it: a form-encoded {@code POST} with {@code Action=DescribeTags} and filters
 * {@code Filter.N.Name} / {@code Filter.N.Value.M} ({@code resource-id}, {@code resource-type},
 * {@code key}, {@code value}), answered with a {@code DescribeTagsResponse} XML body, or the EC2
 * error XML ({@code UnauthorizedOperation} with 403 when {@link #denyDescribeTags()} is set).
 */
public final class Ec2ApiServer extends ProtocolServer {

  private static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
  private static final Pattern FILTER_NAME = Pattern.compile("Filter\\.(\\d+)\\.Name");
  private static final Pattern CREDENTIAL_SCOPE =
      Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/ec2/aws4_request");

  private record Tag(String resourceId, String key, String value) {}

  private final List<Tag> tags = new CopyOnWriteArrayList<>();
  private volatile boolean denied;

  private Ec2ApiServer() {
    super(InetAddress.getLoopbackAddress());
  }

  /** Starts on a free port of 127.0.0.1. */
  public static Ec2ApiServer start() {
    return new Ec2ApiServer();
  }

  /** Tags instance {@code instanceId}. */
  public Ec2ApiServer tag(String instanceId, String key, String value) {
    tags.add(new Tag(instanceId, key, value));
    return this;
  }

  /** Answers every {@code DescribeTags} with {@code UnauthorizedOperation}. */
  public Ec2ApiServer denyDescribeTags() {
    this.denied = true;
    return this;
  }

  /** The form parameters of a request, in order. */
  public static Map<String, String> form(Request request) {
    Map<String, String> form = new LinkedHashMap<>();
    if (request.body().isEmpty()) {
      return form;
    }
    for (String pair : request.body().split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      form.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return form;
  }

  /** The region a request was signed for (its SigV4 credential scope), or null. */
  public static String signingRegion(Request request) {
    String authorization = request.header("Authorization");
    if (authorization == null) {
      return null;
    }
    Matcher matcher = CREDENTIAL_SCOPE.matcher(authorization);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** The {@code DescribeTags} requests so far. */
  public List<Request> describeTagsRequests() {
    return requests().stream().filter(r -> "DescribeTags".equals(form(r).get("Action"))).toList();
  }

  /** The filters of a request: filter name to its values. */
  public static Map<String, List<String>> filters(Request request) {
    Map<String, String> form = form(request);
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : form.entrySet()) {
      Matcher matcher = FILTER_NAME.matcher(entry.getKey());
      if (matcher.matches()) {
        String prefix = "Filter." + matcher.group(1) + ".Value.";
        List<String> values = new ArrayList<>();
        for (int m = 1; form.containsKey(prefix + m); m++) {
          values.add(form.get(prefix + m));
        }
        filters.put(entry.getValue(), values);
      }
    }
    return filters;
  }

  @Override
  protected Response handle(Request request) {
    if (!request.method().equals("POST")) {
      return error(400, "InvalidAction", "The Query API expects a form-encoded POST.");
    }
    String action = form(request).get("Action");
    if (!"DescribeTags".equals(action)) {
      return error(
          400, "InvalidAction", "The action " + action + " is not valid for this web service.");
    }
    if (denied) {
      return error(
          403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
    }
    Map<String, List<String>> filters = filters(request);
    for (String name : filters.keySet()) {
      if (!List.of("resource-id", "resource-type", "key", "value").contains(name)) {
        return error(400, "InvalidParameterValue", "The filter '" + name + "' is invalid");
      }
    }
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<DescribeTagsResponse xmlns=\"")
            .append(NAMESPACE)
            .append("\">\n  <requestId>")
            .append(UUID.randomUUID())
            .append("</requestId>\n  <tagSet>\n");
    for (Tag tag : tags) {
      if (matches(filters, "resource-id", tag.resourceId())
          && matches(filters, "resource-type", "instance")
          && matches(filters, "key", tag.key())
          && matches(filters, "value", tag.value())) {
        xml.append("    <item>\n      <resourceId>")
            .append(escape(tag.resourceId()))
            .append("</resourceId>\n      <resourceType>instance</resourceType>\n      <key>")
            .append(escape(tag.key()))
            .append("</key>\n      <value>")
            .append(escape(tag.value()))
            .append("</value>\n    </item>\n");
      }
    }
    xml.append("  </tagSet>\n</DescribeTagsResponse>\n");
    return Response.of(200, "text/xml;charset=UTF-8", xml.toString());
  }

  private static boolean matches(Map<String, List<String>> filters, String name, String value) {
    List<String> wanted = filters.get(name);
    return wanted == null || wanted.contains(value);
  }

  private static Response error(int status, String code, String message) {
    return Response.of(
        status,
        "text/xml;charset=UTF-8",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
            + code
            + "</Code><Message>"
            + escape(message)
            + "</Message></Error></Errors><RequestID>"
            + UUID.randomUUID()
            + "</RequestID></Response>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
