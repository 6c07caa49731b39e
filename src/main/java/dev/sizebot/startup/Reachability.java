package dev.sizebot.startup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The network side of the HTTP and TCP probes: one attempt each, bounded by a timeout. */
final class Reachability {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** True when a TCP connection to {@code host:port} is accepted within {@code timeout}. */
  boolean tcpOpen(String host, int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis(timeout));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * True when {@code GET path} answers 200–399 within {@code timeout}; Kubernetes' httpGet probe
   * counts the same range as success, so a redirecting health page is ready too.
   */
  boolean httpReady(String host, int port, String path, Duration timeout) {
    String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://" + authority + ":" + port + path))
              .timeout(Duration.ofMillis(timeoutMillis(timeout)))
              .GET()
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 400;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int timeoutMillis(Duration timeout) {
    return (int) Math.max(1, Math.min(timeout.toMillis(), 2_000));
  }
}
