package dev.sizebot.image.testing;

/**
 * How a layer writer spells its tar entry names (issue 12). moby and BuildKit write {@code app/}
 * and {@code app/x} with no root entry; kaniko, buildah, ko, jib and crane are known to write a
 * root entry ({@code /}, {@code ./} or {@code .}) and a leading {@code /} or {@code ./} on every
 * name. Each constant is one of those shapes; {@link TestLayer#naming} applies it to every entry
 * (hardlink targets included) except raw ones.
 */
public enum EntryNaming {
  /** {@code app/}, {@code app/x}: the engine's own spelling, no root entry. */
  ENGINE("", "", true),
  /** A root entry {@code /}, then {@code /app/}, {@code /app/x} (the kaniko layer of issue 12). */
  ABSOLUTE("/", "/", true),
  /** A root entry {@code ./}, then {@code ./app/}, {@code ./app/x} ({@code tar -C dir -c .}). */
  DOT_SLASH("./", "./", true),
  /** A root entry {@code .}, then {@code ./app}, {@code ./app/x}: directories without a slash. */
  DOT(".", "./", false),
  /** No root entry, {@code /app}, {@code /app/x}: a leading slash, directories without one. */
  ABSOLUTE_BARE("", "/", false);

  private final String root;
  private final String prefix;
  private final boolean dirSlash;

  EntryNaming(String root, String prefix, boolean dirSlash) {
    this.root = root;
    this.prefix = prefix;
    this.dirSlash = dirSlash;
  }

  /** The root directory's entry name, or empty when this writer writes none. */
  public String root() {
    return root;
  }

  /** {@code relative} ({@code app/x}, directories {@code app/}) as this writer spells it. */
  public String spell(String relative) {
    boolean dir = relative.endsWith("/");
    String bare = dir ? relative.substring(0, relative.length() - 1) : relative;
    return prefix + bare + (dir && dirSlash ? "/" : "");
  }
}
