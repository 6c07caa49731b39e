package dev.sizebot.dockerfile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables visible to ARG/ENV expansion at one point of the file. A name is either set (an
 * ENV, an ARG with a value or a build argument), declared but unset (an ARG without value), or
 * unknown. Unknown names may come from the base image's environment, which a parser cannot see, so
 * they are kept literally ({@code $PATH}) instead of being replaced by "" — BuildKit's own {@code
 * SkipUnsetEnv} behaviour; in FROM, where no image environment applies, unknown means unset.
 */
final class Variables {
  /** BuildKit's automatic platform ARGs: known to the build, not to a parser. */
  private static final Set<String> AUTOMATIC =
      Set.of(
          "BUILDPLATFORM",
          "BUILDOS",
          "BUILDARCH",
          "BUILDVARIANT",
          "TARGETPLATFORM",
          "TARGETOS",
          "TARGETARCH",
          "TARGETVARIANT",
          "TARGETSTAGE");

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> envNames = new HashSet<>();
  private final Set<String> declared = new HashSet<>();
  private final boolean keepUnknown;

  private Variables(boolean keepUnknown) {
    this.keepUnknown = keepUnknown;
  }

  /** Variables of a stage body: unknown names stay literal. */
  static Variables stage() {
    return new Variables(true);
  }

  /** Variables of the global scope (FROM lines): unknown names are unset. */
  static Variables global() {
    return new Variables(false);
  }

  /** No variables, every name kept literally (heredoc delimiter detection). */
  static Variables literal() {
    return new Variables(true);
  }

  /** An ENV: always wins over ARGs of the same name, earlier or later. */
  void setEnv(String name, String value) {
    values.put(name, value);
    declared.add(name);
    envNames.add(name);
  }

  /** An ARG with a value (its default or a build argument). */
  void setArg(String name, String value) {
    if (!envNames.contains(name)) {
      values.put(name, value);
    }
    declared.add(name);
  }

  /** An ARG without value: the name is declared but unset (unless an ENV set it). */
  void declare(String name) {
    if (!AUTOMATIC.contains(name)) {
      declared.add(name);
    }
  }

  /** Every declared name (set or not). */
  Set<String> declaredNames() {
    return Set.copyOf(declared);
  }

  /** The ENV values, which a stage built FROM this stage inherits. */
  Map<String, String> envValues() {
    Map<String, String> env = new HashMap<>();
    envNames.forEach(n -> env.put(n, values.get(n)));
    return env;
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Whether an unset name should be kept as written rather than expanded. */
  boolean keepsLiteral(String name) {
    return !values.containsKey(name)
        && (AUTOMATIC.contains(name) || (keepUnknown && !declared.contains(name)));
  }

  Variables copy() {
    Variables c = new Variables(keepUnknown);
    c.values.putAll(values);
    c.declared.addAll(declared);
    c.envNames.addAll(envNames);
    return c;
  }
}
