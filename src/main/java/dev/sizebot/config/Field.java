package dev.sizebot.config;

import dev.sizebot.common.SizebotException;
import dev.sizebot.config.YamlNode.Mapping;
import dev.sizebot.config.YamlNode.Position;
import dev.sizebot.config.YamlNode.Scalar;
import dev.sizebot.config.YamlNode.Sequence;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A node of the configuration with its address ({@code images[0].budget.max-size}) and file, so
 * that every check can fail with {@code FILE:LINE:COLUMN: KEY: what is wrong (what is allowed)}.
 */
record Field(String file, String path, YamlNode node) {
  SizebotException error(String message) {
    return error(node.position(), message);
  }

  /** Line 0 marks a value with no place in a file, an action input: named as such instead. */
  SizebotException error(Position at, String message) {
    if (at.line() == 0) {
      return SizebotException.invalidInput(file + " '" + path + "': " + message);
    }
    return SizebotException.invalidInput(
        file + ":" + at.line() + ":" + at.column() + ": " + path + ": " + message);
  }

  Field child(String key, YamlNode value) {
    return new Field(file, path.isEmpty() ? key : path + "." + key, value);
  }

  /** This node as a mapping whose keys are all among {@code allowed}. */
  Mapping mapping(List<String> allowed) {
    if (!(node instanceof Mapping mapping)) {
      throw error("is " + node.describe() + ", want a mapping of " + String.join(", ", allowed));
    }
    for (YamlNode.Entry entry : mapping.entries().values()) {
      if (!allowed.contains(entry.key())) {
        throw error(entry.keyPosition(), unknownKey(entry.key(), allowed));
      }
    }
    return mapping;
  }

  Optional<Field> optional(Mapping mapping, String key) {
    return Optional.ofNullable(mapping.entries().get(key))
        .filter(e -> !(e.value() instanceof Scalar s && s.kind() == Scalar.Kind.NULL))
        .map(e -> child(key, e.value()));
  }

  List<Field> items() {
    if (!(node instanceof Sequence sequence)) {
      throw error("is " + node.describe() + ", want a list");
    }
    return java.util.stream.IntStream.range(0, sequence.items().size())
        .mapToObj(i -> new Field(file, path + "[" + i + "]", sequence.items().get(i)))
        .toList();
  }

  /** A scalar's text; a number or boolean is accepted where a string is wanted (YAML's 3.13). */
  String text() {
    if (!(node instanceof Scalar scalar) || scalar.kind() == Scalar.Kind.NULL) {
      throw error("is " + node.describe() + ", want a single value");
    }
    return scalar.text();
  }

  /** A non-empty string without surrounding blanks. */
  String string() {
    String text = text().strip();
    if (text.isEmpty()) {
      throw error("is empty, want a value");
    }
    return text;
  }

  boolean bool() {
    if (node instanceof Scalar s && s.kind() == Scalar.Kind.BOOLEAN) {
      return Boolean.parseBoolean(s.text());
    }
    throw error("is " + describeValue() + ", want true or false");
  }

  int positiveInt() {
    if (node instanceof Scalar s && s.kind() == Scalar.Kind.NUMBER && s.text().matches("\\d+")) {
      int value = Integer.parseInt(s.text());
      if (value >= 1) {
        return value;
      }
    }
    throw error("is " + describeValue() + ", want a whole number of at least 1");
  }

  <T> T parsed(Function<String, Optional<T>> parser, String forms) {
    String text = text();
    return parser
        .apply(text)
        .orElseThrow(() -> error("'" + text + "' is not valid (" + forms + ")"));
  }

  String describeValue() {
    return node instanceof Scalar s && s.kind() != Scalar.Kind.NULL
        ? "'" + s.text() + "'"
        : node.describe();
  }

  static String unknownKey(String key, List<String> allowed) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    Optional<String> near =
        allowed.stream()
            .filter(a -> distance.apply(a, key) <= Math.max(2, a.length() / 3))
            .min(Comparator.comparingInt(a -> distance.apply(a, key)));
    return "unknown key '"
        + key
        + "'"
        + near.map(n -> " (did you mean '" + n + "'?)").orElse("")
        + "; allowed: "
        + String.join(", ", allowed);
  }
}
