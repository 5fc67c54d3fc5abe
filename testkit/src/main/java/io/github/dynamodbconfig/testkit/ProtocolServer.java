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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP server on a loopback address that records every request it gets, in order, so that
 * tests can assert what a real client sent: the base of the local protocol servers.
 */
public abstract class ProtocolServer implements AutoCloseable {

  /**
   * One request as the server saw it.
   *
   * @param method the HTTP method
   * @param path the request path, without the query
   * @param headers the request headers, names in lower case (first value of each)
   * @param body the request body as UTF-8
   */
  public record Request(String method, String path, Map<String, String> headers, String body) {

    /** The value of header {@code name} (any case), or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static {
    // Answers go out at once: without it, Nagle's algorithm holds an answer's last segment until
    // the client's delayed ACK of the first (about 40 ms on Linux), a delay that AWS never adds.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  /** Starts on a free port of {@code address}. */
  protected ProtocolServer(InetAddress address) {
    this(address, 0);
  }

  /** Starts on {@code port} of {@code address}; 0 for a free one. */
  protected ProtocolServer(InetAddress address, int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handleRecorded);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}, or {@code http://[::1]:<port>} on IPv6 loopback. */
  public URI endpoint() {
    InetAddress address = server.getAddress().getAddress();
    String host = address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host.replaceAll("%.*", "") + "]";
    }
    return URI.create("http://" + host + ":" + server.getAddress().getPort());
  }

  /** Every request so far, in the order they arrived. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the requests so far. */
  public void clearRequests() {
    requests.clear();
  }

  private void handleRecorded(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) ->
                  headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request =
          new Request(
              exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
      requests.add(request);
      Response response = handle(request);
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      // An empty 200 body is a body (an empty tag value); other empty answers have none.
      long length = bytes.length > 0 ? bytes.length : response.status() == 200 ? 0 : -1;
      exchange.sendResponseHeaders(response.status(), length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  /** The answer to one request. */
  protected record Response(int status, Map<String, String> headers, String body) {
    static Response of(int status, String contentType, String body) {
      return new Response(status, Map.of("Content-Type", contentType), body);
    }
  }

  /** Answers {@code request}, as the protocol the server speaks defines it. */
  protected abstract Response handle(Request request);

  @Override
  public void close() {
    server.stop(0);
  }
}
