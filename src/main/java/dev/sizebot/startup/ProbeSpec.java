package dev.sizebot.startup;

import java.util.regex.Pattern;

/**
 * How sizebot decides a container is ready. Written as one short string in the config or on the
 * command line: {@code healthcheck}, {@code http://:8000/health}, {@code tcp://:8000}, {@code
 * log:Listening on .*} or {@code exit}. An empty host means "the container itself": sizebot
 * publishes no port, it reaches the container over the engine's network.
 */
public sealed interface ProbeSpec {
  String ALLOWED =
      "healthcheck, http://:PORT/PATH, tcp://:PORT, log:REGEX, exit"
          + " (e.g. http://:8000/health)";

  /** Ready when the image's own HEALTHCHECK reports {@code healthy}. */
  record Healthcheck() implements ProbeSpec {
    @Override
    public String toString() {
      return "healthcheck";
    }
  }

  /** Ready when {@code GET path} on the container's port answers 200–399 (as Kubernetes does). */
  record Http(int port, String path) implements ProbeSpec {
    public Http {
      ProbeParser.checkPort(port);
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("HTTP probe path must start with '/': " + path);
      }
    }

    @Override
    public String toString() {
      return "http://:" + port + path;
    }
  }

  /** Ready when a TCP connection to the container's port succeeds. */
  record Tcp(int port) implements ProbeSpec {
    public Tcp {
      ProbeParser.checkPort(port);
    }

    @Override
    public String toString() {
      return "tcp://:" + port;
    }
  }

  /** Ready when a line of the container's output matches {@code regex} (find, not whole line). */
  record LogLine(String regex) implements ProbeSpec {
    public LogLine {
      if (regex == null || regex.isEmpty()) {
        throw new IllegalArgumentException("log probe needs a regex");
      }
      Pattern.compile(regex);
    }

    public boolean matches(String line) {
      return Pattern.compile(regex).matcher(line).find();
    }

    @Override
    public String toString() {
      return "log:" + regex;
    }
  }

  /** For CLI images: ready when the process exits with code 0 (time-to-exit). */
  record Exit() implements ProbeSpec {
    @Override
    public String toString() {
      return "exit";
    }
  }

  /** Parses a probe string; a bad one is invalid input with one line saying what is allowed. */
  static ProbeSpec parse(String text) {
    return ProbeParser.parse(text);
  }
}
