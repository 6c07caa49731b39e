package dev.sizebot.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.sizebot.common.SizebotException;

/**
 * The JSON form of a {@link PrReport} ({@code schemaVersion} 1, see {@code docs/report-schema.md}):
 * written by {@code sizebot pr}, read back by {@code publish} and {@code merge}. Absent values are
 * {@code null}, never left out; reading is strict (unknown or missing fields are errors), so a
 * report from another version is refused rather than half understood.
 */
public final class PrReportJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private PrReportJson() {}

  public static String write(PrReport report) {
    try {
      return MAPPER.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the JSON report", e);
    }
  }

  /**
   * Reads a report written by {@link #write}. {@code source} names the file in errors. Throws
   * invalid input (exit 2) for malformed JSON, another schemaVersion or a field that does not fit.
   */
  public static PrReport read(String source, String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalid(source, "is not JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (tree == null || !tree.isObject()) {
      throw invalid(source, "is not a sizebot report (no JSON object)", null);
    }
    JsonNode version = tree.get("schemaVersion");
    if (version == null || !version.isInt()) {
      throw invalid(source, "has no schemaVersion: is it a sizebot report?", null);
    }
    if (version.intValue() != PrReport.SCHEMA_VERSION) {
      throw invalid(
          source,
          "has schemaVersion "
              + version.intValue()
              + " but this sizebot reads "
              + PrReport.SCHEMA_VERSION
              + ": publish it with the sizebot version that wrote it",
          null);
    }
    try {
      return MAPPER.treeToValue(tree, PrReport.class);
    } catch (MismatchedInputException e) {
      throw invalid(
          source,
          "does not fit schemaVersion 1 at " + path(e) + " (" + e.getOriginalMessage() + ")",
          e);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw invalid(source, "does not fit schemaVersion 1 (" + message(e) + ")", e);
    }
  }

  private static String path(MismatchedInputException e) {
    StringBuilder p = new StringBuilder("$");
    for (var ref : e.getPath()) {
      p.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
    }
    return p.toString();
  }

  private static String message(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static SizebotException invalid(String source, String what, Throwable cause) {
    return SizebotException.invalidInput(
        "report " + source + " " + what + "; write it anew with 'sizebot pr --publish=false'",
        cause);
  }
}
