package dev.sizebot.startup;

import dev.sizebot.common.SizebotException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The grammar of {@link ProbeSpec} strings; every rejection names what was wrong. */
final class ProbeParser {
  // scheme "://" host [":" port] [path]; the host is captured only to reject it.
  private static final Pattern URL =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^:/]*)(?::([^/]*))?(/\\S*)?");

  private ProbeParser() {}

  static ProbeSpec parse(String text) {
    String spec = text == null ? "" : text.strip();
    try {
      return parseStrict(spec);
    } catch (IllegalArgumentException e) {
      throw SizebotException.invalidInput(
          "bad startup probe '"
              + spec
              + "': "
              + e.getMessage()
              + "; use one of "
              + ProbeSpec.ALLOWED,
          e);
    }
  }

  private static ProbeSpec parseStrict(String spec) {
    switch (spec) {
      case "":
        throw new IllegalArgumentException("it is empty");
      case "healthcheck":
        return new ProbeSpec.Healthcheck();
      case "exit":
        return new ProbeSpec.Exit();
      default:
        break;
    }
    if (spec.startsWith("log:")) {
      try {
        return new ProbeSpec.LogLine(spec.substring(4));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("not a valid regex (" + e.getDescription() + ")");
      }
    }
    Matcher url = URL.matcher(spec);
    if (!url.matches()) {
      throw new IllegalArgumentException("unknown form");
    }
    return parseUrl(url.group(1).toLowerCase(Locale.ROOT), url);
  }

  private static ProbeSpec parseUrl(String scheme, Matcher url) {
    if (!scheme.equals("http") && !scheme.equals("tcp")) {
      throw new IllegalArgumentException("scheme must be http or tcp, not " + scheme);
    }
    if (!url.group(2).isEmpty()) {
      throw new IllegalArgumentException(
          "host must be empty, sizebot reaches the container itself (e.g. " + scheme + "://:8000)");
    }
    int port = port(url.group(3));
    String path = url.group(4) == null ? "" : url.group(4);
    if (scheme.equals("tcp")) {
      if (!path.isEmpty()) {
        throw new IllegalArgumentException("a TCP probe has no path");
      }
      return new ProbeSpec.Tcp(port);
    }
    return new ProbeSpec.Http(port, path.isEmpty() ? "/" : path);
  }

  private static int port(String digits) {
    if (digits == null || digits.isEmpty()) {
      throw new IllegalArgumentException("it needs a port (e.g. :8000)");
    }
    if (!digits.matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("port must be a number, not " + digits);
    }
    int port = Integer.parseInt(digits);
    checkPort(port);
    return port;
  }

  static void checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, not " + port);
    }
  }
}
