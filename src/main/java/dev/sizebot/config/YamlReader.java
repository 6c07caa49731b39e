package dev.sizebot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sizebot.common.SizebotException;
import dev.sizebot.config.YamlNode.Entry;
import dev.sizebot.config.YamlNode.Mapping;
import dev.sizebot.config.YamlNode.Position;
import dev.sizebot.config.YamlNode.Scalar;
import dev.sizebot.config.YamlNode.Sequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link YamlNode}s by walking Jackson's YAML token stream, taking each
 * token's location as it goes (a parse into {@code JsonNode} would drop them).
 */
final class YamlReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final String file;

  private YamlReader(String file) {
    this.file = file;
  }

  /** The document's root, or empty for a document with nothing in it. */
  static Optional<YamlNode> read(String file, String text) {
    YamlReader reader = new YamlReader(file);
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      YamlNode root = reader.node(parser);
      if (root instanceof Scalar s && s.kind() == Scalar.Kind.NULL) {
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? file : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw SizebotException.invalidInput(
          where + ": not valid YAML: " + problem(e) + " (fix the YAML syntax)", e);
    } catch (IOException e) {
      throw SizebotException.invalidInput(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** SnakeYAML's own words for what is wrong, without its multi-line excerpt of the document. */
  private static String problem(JsonProcessingException e) {
    return e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null
        ? marked.getProblem()
        : e.getOriginalMessage();
  }

  private YamlNode node(JsonParser parser) throws IOException {
    Position at = position(parser);
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> mapping(parser, at);
      case START_ARRAY -> sequence(parser, at);
      case VALUE_STRING -> new Scalar(parser.getText(), Scalar.Kind.STRING, at);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          new Scalar(parser.getText(), Scalar.Kind.NUMBER, at);
      case VALUE_TRUE, VALUE_FALSE -> new Scalar(parser.getText(), Scalar.Kind.BOOLEAN, at);
      case VALUE_NULL -> new Scalar("", Scalar.Kind.NULL, at);
      default -> throw new IllegalStateException("unexpected YAML token " + token);
    };
  }

  private Mapping mapping(JsonParser parser, Position at) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Position keyAt = position(parser);
      parser.nextToken();
      YamlNode value = node(parser);
      if (entries.containsKey(key)) {
        Position first = entries.get(key).keyPosition();
        throw SizebotException.invalidInput(
            file
                + ":"
                + keyAt.line()
                + ":"
                + keyAt.column()
                + ": duplicate key '"
                + key
                + "' (first at line "
                + first.line()
                + "): keep one of them");
      }
      entries.put(key, new Entry(key, keyAt, value));
    }
    return new Mapping(entries, at);
  }

  private Sequence sequence(JsonParser parser, Position at) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(node(parser));
    }
    return new Sequence(items, at);
  }

  private static Position position(JsonParser parser) {
    JsonLocation location = parser.currentTokenLocation();
    return new Position(location.getLineNr(), location.getColumnNr());
  }
}
