package dev.sizebot.startup;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/** The network side of the HTTP and TCP probes: one attempt each, bounded by a timeout. */
final class Reachability {
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
    HttpURLConnection connection = null;
    try {
      // HttpURLConnection, not java.net.http.HttpClient: the latter keeps a selector thread in
      // epoll_wait that the JVM waits up to 0.3 s for when sizebot exits (JDK 17 has no close()).
      // No proxy: the probed container is reached directly at its address.
      connection =
          (HttpURLConnection)
              URI.create("http://" + authority + ":" + port + path)
                  .toURL()
                  .openConnection(Proxy.NO_PROXY);
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      connection.setConnectTimeout(Math.min(timeoutMillis(timeout), 1_000));
      connection.setReadTimeout(timeoutMillis(timeout));
      int status = connection.getResponseCode();
      return status >= 200 && status < 400;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private static int timeoutMillis(Duration timeout) {
    return (int) Math.max(1, Math.min(timeout.toMillis(), 2_000));
  }
}
