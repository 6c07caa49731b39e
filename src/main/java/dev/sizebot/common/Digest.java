package dev.sizebot.common;

import java.util.regex.Pattern;

/** A content digest such as {@code sha256:ab12…}, validated per the OCI image spec's grammar. */
public record Digest(String algorithm, String hex) {
  // OCI image spec, descriptor.md "Digests": algorithm ":" encoded; sha256/sha512 are lower hex.
  private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*");
  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");
  private static final Pattern ENCODED = Pattern.compile("[a-zA-Z0-9=_-]+");

  public Digest {
    if (algorithm == null || !ALGORITHM.matcher(algorithm).matches()) {
      throw new IllegalArgumentException("bad digest algorithm: " + algorithm);
    }
    Pattern expected =
        switch (algorithm) {
          case "sha256" -> SHA256;
          case "sha512" -> SHA512;
          default -> ENCODED;
        };
    if (hex == null || !expected.matcher(hex).matches()) {
      throw new IllegalArgumentException("bad " + algorithm + " digest: " + hex);
    }
  }

  /** Parses {@code algorithm:hex}; throws {@link SizebotException} (invalid input) otherwise. */
  public static Digest parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw SizebotException.invalidInput("not a digest (want sha256:<64 hex>): " + text);
    }
    try {
      return new Digest(text.substring(0, colon), text.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw SizebotException.invalidInput("not a digest (want sha256:<64 hex>): " + text, e);
    }
  }

  public static Digest sha256(String hex) {
    return new Digest("sha256", hex);
  }

  /** The first 12 hex characters, as {@code docker images} shows IDs. */
  public String shortHex() {
    return hex.substring(0, Math.min(12, hex.length()));
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
