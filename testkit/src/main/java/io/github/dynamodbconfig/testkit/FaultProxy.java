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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on loopback in front of the local DynamoDB engine that injects faults as real bytes
 * on a real socket: DynamoDB's throttling and server error answers, a connection reset in the
 * middle of a response, a response cut short, a delay. Faults are queued: each request takes the
 * next one, and a request with none left is forwarded unchanged.
 */
public final class FaultProxy implements AutoCloseable {

  /** What happens to one request. */
  public sealed interface Fault {}

  /** An error answer of DynamoDB's JSON protocol instead of forwarding. */
  public record ErrorAnswer(int status, String type, String message) implements Fault {}

  /** Forwarded, but the response stops after half its bytes with a TCP reset. */
  public record ResetMidResponse() implements Fault {}

  /** Forwarded, but the response stops after half its bytes with a normal close. */
  public record CutResponse() implements Fault {}

  /** Forwarded unchanged: to let requests through before the faults that follow. */
  public record Pass() implements Fault {}

  /** Forwarded after a delay. */
  public record Delay(Duration delay) implements Fault {}

  /** {@code ProvisionedThroughputExceededException}: throttled by the table's capacity. */
  public static Fault provisionedThroughputExceeded() {
    return new ErrorAnswer(
        400,
        "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded.");
  }

  /** {@code ThrottlingException}: throttled by the account's request rate. */
  public static Fault throttling() {
    return new ErrorAnswer(
        400,
        "com.amazon.coral.availability#ThrottlingException",
        "Rate of requests exceeds" + " the allowed throughput.");
  }

  /** {@code RequestLimitExceeded}: throughput exceeds the account's limit. */
  public static Fault requestLimitExceeded() {
    return new ErrorAnswer(
        400,
        "com.amazonaws.dynamodb.v20120810#RequestLimitExceeded",
        "Throughput exceeds the current throughput limit for your account.");
  }

  /** A 5xx answer: {@code InternalServerError} (500) or {@code ServiceUnavailable} (503). */
  public static Fault serverError(int status) {
    return new ErrorAnswer(
        status,
        status == 503
            ? "com.amazon.coral.availability#ServiceUnavailableException"
            : "com.amazonaws.dynamodb.v20120810#InternalServerError",
        "Internal server error");
  }

  /** {@code AccessDeniedException} for {@code action} on {@code tableArn}. */
  public static Fault accessDenied(String action, String tableArn) {
    return new ErrorAnswer(
        400,
        "com.amazon.coral.service#AccessDeniedException",
        "User: arn:aws:sts::123456789012:assumed-role/app/i-0123 is not authorized to perform: "
            + action
            + " on resource: "
            + tableArn
            + " because no identity-based policy allows the "
            + action
            + " action");
  }

  private final URI upstream;
  private final ServerSocket server;
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final List<String> log = new CopyOnWriteArrayList<>();

  private FaultProxy(URI upstream) {
    this.upstream = upstream;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptForever, "fault-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * A proxy on a free port of 127.0.0.1 in front of {@code upstream} ({@code http://host:port}).
   */
  public static FaultProxy to(URI upstream) {
    return new FaultProxy(upstream);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Queues {@code fault} for the next {@code times} requests that have none yet. */
  public FaultProxy next(int times, Fault fault) {
    for (int i = 0; i < times; i++) {
      faults.add(fault);
    }
    return this;
  }

  /** Drops the faults not yet used: requests are forwarded unchanged again. */
  public FaultProxy clear() {
    faults.clear();
    return this;
  }

  /**
   * What each request got, in order: the DynamoDB operation (from {@code X-Amz-Target}) and the
   * fault, or {@code forwarded}.
   */
  public List<String> log() {
    return List.copyOf(log);
  }

  private void acceptForever() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread handler = new Thread(() -> serve(client), "fault-proxy-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Serves the requests of one client connection, one after the other (keep-alive). */
  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        byte[] request = readRequest(in);
        if (request == null) {
          return;
        }
        String head = new String(request, StandardCharsets.ISO_8859_1);
        String operation = header(head, "x-amz-target");
        operation = operation == null ? "?" : operation.substring(operation.indexOf('.') + 1);
        Fault fault = faults.poll();
        log.add(
            operation
                + " "
                + (fault == null || fault instanceof Pass ? "forwarded" : describe(fault)));
        if (fault instanceof ErrorAnswer error) {
          out.write(errorResponse(error));
          out.flush();
          continue;
        }
        if (fault instanceof Delay delay) {
          Thread.sleep(delay.delay().toMillis());
        }
        byte[] response = forward(request);
        if (fault instanceof ResetMidResponse) {
          out.write(response, 0, response.length / 2);
          out.flush();
          client.setSoLinger(true, 0);
          return;
        }
        if (fault instanceof CutResponse) {
          out.write(response, 0, response.length / 2);
          out.flush();
          return;
        }
        out.write(response);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the proxy closed
    }
  }

  private static String describe(Fault fault) {
    if (fault instanceof ErrorAnswer error) {
      return error.status() + " " + error.type().substring(error.type().indexOf('#') + 1);
    }
    return fault.getClass().getSimpleName();
  }

  /** One request: its head and its body (by {@code Content-Length}), or null at end of stream. */
  private static byte[] readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      buffer.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
    }
    String head = buffer.toString(StandardCharsets.ISO_8859_1);
    String length = header(head, "content-length");
    if (length != null) {
      buffer.write(in.readNBytes(Integer.parseInt(length.trim())));
    }
    return buffer.toByteArray();
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** Sends {@code request} upstream on a connection of its own and returns the whole response. */
  private byte[] forward(byte[] request) throws IOException {
    String head = new String(request, StandardCharsets.ISO_8859_1);
    int bodyStart = head.indexOf("\r\n\r\n") + 4;
    List<String> lines = new ArrayList<>();
    for (String line : head.substring(0, bodyStart - 4).split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        lines.add(line);
      }
    }
    lines.add("Connection: close");
    byte[] newHead =
        (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    try (Socket socket = new Socket(upstream.getHost(), upstream.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(newHead);
      out.write(request, bodyStart, request.length - bodyStart);
      out.flush();
      return socket.getInputStream().readAllBytes();
    }
  }

  private static byte[] errorResponse(ErrorAnswer error) {
    String body = "{\"__type\":\"" + error.type() + "\",\"message\":\"" + error.message() + "\"}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + error.status()
            + " "
            + (error.status() == 400 ? "Bad Request" : "Server Error")
            + "\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: "
            + bytes.length
            + "\r\nx-amzn-RequestId: FAULTPROXY0000000000000000000000000000000000000000000\r\n\r\n";
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    response.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    response.writeBytes(bytes);
    return response.toByteArray();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
