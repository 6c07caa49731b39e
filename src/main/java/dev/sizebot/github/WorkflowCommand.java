package dev.sizebot.github;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Workflow commands the runner reads from a step's stdout ({@code ::warning file=F,line=N::msg}),
 * escaped as GitHub's toolkit does ({@code @actions/core} command.ts): in the message {@code %}, CR
 * and LF; in property values also {@code :} and {@code ,}. Only {@code cli} prints them.
 */
public final class WorkflowCommand {
  private WorkflowCommand() {}

  /** An annotation on lines of a file, e.g. {@code ::warning file=Dockerfile,line=3,...::msg}. */
  public static String annotation(Annotation a) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("file", a.path());
    properties.put("line", Integer.toString(a.startLine()));
    properties.put("endLine", Integer.toString(a.endLine()));
    properties.put("title", a.title());
    return command(a.level().workflowCommand(), properties, a.message());
  }

  /** A warning not tied to a file ({@code ::warning::msg}). */
  public static String warning(String message) {
    return command("warning", Map.of(), message);
  }

  /** An error not tied to a file ({@code ::error::msg}). */
  public static String error(String message) {
    return command("error", Map.of(), message);
  }

  static String command(String name, Map<String, String> properties, String message) {
    StringBuilder line = new StringBuilder("::").append(name);
    StringJoiner props = new StringJoiner(",", " ", "").setEmptyValue("");
    properties.forEach(
        (key, value) -> {
          if (!value.isEmpty()) {
            props.add(key + "=" + escapeProperty(value));
          }
        });
    return line.append(props).append("::").append(escapeData(message)).toString();
  }

  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
