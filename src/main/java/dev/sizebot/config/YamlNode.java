package dev.sizebot.config;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that keeps where each node started, which Jackson's {@code JsonNode}
 * does not, so that every configuration error can name its line and column.
 */
sealed interface YamlNode {
  Position position();

  /** Line and column (1-based) of a node's first character. */
  record Position(int line, int column) {}

  /** A scalar: its text as written, and whether YAML resolved it to a string or something else. */
  record Scalar(String text, Kind kind, Position position) implements YamlNode {
    enum Kind {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL
    }
  }

  /** A mapping in document order; each entry keeps the position of its key. */
  record Mapping(Map<String, Entry> entries, Position position) implements YamlNode {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }
  }

  record Entry(String key, Position keyPosition, YamlNode value) {}

  record Sequence(List<YamlNode> items, Position position) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** What the node is, in words an error message can use ("a mapping", "a list", "a string"). */
  default String describe() {
    if (this instanceof Mapping) {
      return "a mapping";
    }
    if (this instanceof Sequence) {
      return "a list";
    }
    return switch (((Scalar) this).kind()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "empty";
    };
  }
}
