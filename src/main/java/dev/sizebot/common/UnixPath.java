package dev.sizebot.common;

import java.util.ArrayList;
import java.util.List;

/**
 * An absolute, normalized path inside an image filesystem, e.g. {@code /usr/lib/libc.so}. Layer tar
 * names ({@code ./usr/lib/}, {@code usr//lib}) normalize to the same path; names that would climb
 * out of the root ({@code ../etc}) or hold a NUL are rejected, since they can only come from a
 * hostile or broken archive.
 */
public record UnixPath(String value) implements Comparable<UnixPath> {
  public static final UnixPath ROOT = new UnixPath("/");

  public UnixPath {
    if (value == null || !value.startsWith("/") || !value.equals(normalizeOrNull(value))) {
      throw new IllegalArgumentException("not a normalized absolute path: " + value);
    }
  }

  /**
   * Normalizes a tar entry name or path. Throws {@link SizebotException} (invalid input) for names
   * with NUL or with {@code ..} that climbs above the root.
   */
  public static UnixPath of(String name) {
    String normalized = normalizeOrNull(name);
    if (normalized == null) {
      throw SizebotException.invalidInput(
          "unsafe path in image: '" + printable(name) + "' (NUL byte or '..' above the root)");
    }
    return new UnixPath(normalized);
  }

  public boolean isRoot() {
    return value.equals("/");
  }

  /** The parent path; the root's parent is the root. */
  public UnixPath parent() {
    int slash = value.lastIndexOf('/');
    return slash <= 0 ? ROOT : new UnixPath(value.substring(0, slash));
  }

  /** The last name, empty for the root. */
  public String fileName() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  public UnixPath resolve(String child) {
    return of(isRoot() ? "/" + child : value + "/" + child);
  }

  /** True when this path equals {@code other} or lies below it. */
  public boolean startsWith(UnixPath other) {
    return other.isRoot()
        || value.equals(other.value)
        || value.startsWith(other.value) && value.charAt(other.value.length()) == '/';
  }

  @Override
  public int compareTo(UnixPath other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String normalizeOrNull(String name) {
    if (name == null || name.indexOf('\0') >= 0) {
      return null;
    }
    int end = name.length() > 1 && name.endsWith("/") ? name.length() - 1 : name.length();
    if (isNormal(name, end)) {
      // Most tar names are already normal: one scan instead of a split per path (bench/inspect).
      return end == name.length() ? name : name.substring(0, end);
    }
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
        continue;
      }
      parts.add(part);
    }
    return "/" + String.join("/", parts);
  }

  /** True when {@code name[0, end)} is absolute with no empty, {@code .} or {@code ..} parts. */
  private static boolean isNormal(String name, int end) {
    if (end == 0 || name.charAt(0) != '/') {
      return false;
    }
    if (end == 1) {
      return true;
    }
    int partStart = 1;
    for (int i = 1; i <= end; i++) {
      if (i == end || name.charAt(i) == '/') {
        int length = i - partStart;
        boolean dots =
            length <= 2
                && (length == 0
                    || name.charAt(partStart) == '.'
                        && (length == 1 || name.charAt(partStart + 1) == '.'));
        if (dots) {
          return false;
        }
        partStart = i + 1;
      }
    }
    return true;
  }

  private static String printable(String name) {
    return name == null ? "null" : name.replace("\0", "\\0");
  }
}
