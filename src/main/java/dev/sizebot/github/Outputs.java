package dev.sizebot.github;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The step's outputs (action.yml {@code outputs}): the verdict ({@code pass|warn|fail}), the size
 * delta in bytes (signed), where the JSON report was written, and the comment body.
 */
public record Outputs(String verdict, long sizeDelta, String reportPath, String commentBody) {
  /** Output names in the order they are written. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("verdict", verdict);
    map.put("size-delta", Long.toString(sizeDelta));
    map.put("report-path", reportPath);
    map.put("comment-body", commentBody);
    return map;
  }
}
