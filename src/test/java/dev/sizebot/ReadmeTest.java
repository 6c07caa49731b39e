package dev.sizebot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sizebot.config.ConfigFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * What README.md shows is what the project has: the example comment is a golden file, each workflow
 * snippet is a workflow file, the tables are action.yml's, the quick start is what scripts/test
 * runs and the configuration examples parse.
 */
class ReadmeTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- readme:file (\\S+) -->\n```yaml\n(.*?)```\n", Pattern.DOTALL);
  private static final Pattern TABLE_NAME = Pattern.compile("^\\| `([^`]+)` \\|");

  private static String readme() throws IOException {
    return read("README.md");
  }

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  /** The text of the section under {@code heading}, up to the next heading of any level. */
  private static String section(String readme, String heading) {
    int start = readme.indexOf("\n" + heading + "\n");
    assertThat(start).as("README has the heading " + heading).isNotNegative();
    Matcher next = Pattern.compile("\n#{2,3} ").matcher(readme);
    int end = next.find(start + heading.length() + 1) ? next.start() : readme.length();
    return readme.substring(start + heading.length() + 2, end);
  }

  private static List<String> fenced(String text, String language) {
    Matcher m = Pattern.compile("```" + language + "\n(.*?)```\n", Pattern.DOTALL).matcher(text);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void theExampleCommentIsTheGrowthGoldenFileAsIs() throws IOException {
    String readme = readme();
    String begin = "<!-- readme:example-comment begin -->\n";
    String end = "<!-- readme:example-comment end -->\n";
    int from = readme.indexOf(begin);
    int to = readme.indexOf(end);
    assertThat(from).isPositive();
    assertThat(to).isGreaterThan(from);
    assertThat(readme.substring(from + begin.length(), to))
        .isEqualTo(read("src/test/resources/golden/pr-comment-growth.md"));
    // Inside <details>, GitHub renders the markdown only after a blank line.
    assertThat(readme.substring(0, from)).endsWith("</summary>\n\n");
  }

  @Test
  void theExampleCommentRendersInTheReadmeAsItDoesAlone() throws IOException {
    // CommonMark with GFM tables, as GitHub renders markdown: inside the README's <details> the
    // comment must come out as the same HTML as the comment by itself, not as raw text.
    List<org.commonmark.Extension> tables = List.of(TablesExtension.create());
    Parser parser = Parser.builder().extensions(tables).build();
    HtmlRenderer renderer = HtmlRenderer.builder().extensions(tables).build();
    String readme = renderer.render(parser.parse(readme()));
    String begin = "<!-- readme:example-comment begin -->\n";
    String alone =
        renderer.render(parser.parse(read("src/test/resources/golden/pr-comment-growth.md")));
    int from = readme.indexOf(begin) + begin.length();
    assertThat(readme.substring(from, readme.indexOf("<!-- readme:example-comment end -->")))
        .isEqualTo(alone)
        .contains("<h3>", "<table>");
  }

  @Test
  void everyWorkflowSnippetIsTheFileItNames() throws IOException {
    Matcher m = SNIPPET.matcher(readme());
    Map<String, String> shown = new LinkedHashMap<>();
    while (m.find()) {
      shown.put(m.group(1), m.group(2));
    }
    assertThat(shown).isNotEmpty();
    shown.forEach(
        (path, snippet) -> {
          try {
            assertThat(snippet).as("README's snippet of " + path).isEqualTo(read(path));
          } catch (IOException e) {
            throw new AssertionError("README shows " + path + ", which cannot be read", e);
          }
        });
  }

  @Test
  void everyWorkflowForUsersIsShownOnlyCiIsLeftOut() throws IOException {
    List<String> workflows = new ArrayList<>();
    for (String dir : List.of(".github/workflows", "examples/workflows")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files
            .map(f -> dir + "/" + f.getFileName())
            .filter(f -> f.endsWith(".yml"))
            .sorted()
            .forEach(workflows::add);
      }
    }
    workflows.remove(".github/workflows/ci.yml");
    List<String> shown = new ArrayList<>();
    SNIPPET.matcher(readme()).results().forEach(r -> shown.add(r.group(1)));
    assertThat(shown).containsExactlyInAnyOrderElementsOf(workflows);
  }

  @Test
  void theInputsAndOutputsTablesAreActionYmlsInItsOrder() throws IOException {
    JsonNode action = YAML.readTree(Path.of("action.yml").toFile());
    String readme = readme();
    Map<String, String> inputs = rows(section(readme, "### Inputs"));
    List<String> declared = new ArrayList<>();
    action.path("inputs").fieldNames().forEachRemaining(declared::add);
    assertThat(inputs.keySet()).containsExactlyElementsOf(declared);
    for (String name : declared) {
      // A default action.yml spells out (${{ github.token }}, pr) is the one the row names.
      String given = action.path("inputs").path(name).path("default").asText();
      if (!given.isEmpty()) {
        String bare = given.replace("${{ ", "").replace(" }}", "");
        assertThat(inputs.get(name)).as("README row of input " + name).contains("`" + bare + "`");
      }
    }
    List<String> outputs = new ArrayList<>();
    action.path("outputs").fieldNames().forEachRemaining(outputs::add);
    assertThat(rows(section(readme, "### Outputs")).keySet()).containsExactlyElementsOf(outputs);
  }

  /** The rows of the first table in {@code text}, by the name in their first cell. */
  private static Map<String, String> rows(String text) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = TABLE_NAME.matcher(line);
      if (m.find()) {
        assertThat(rows.put(m.group(1), line)).as("one row for " + m.group(1)).isNull();
      }
    }
    return rows;
  }

  @Test
  void theTwoCommandsAreTheOnesScriptsTestRuns() throws IOException {
    String compare = "./sizebot compare examples/app-base.tar examples/app-head.tar";
    assertThat(fenced(section(readme(), "## Two commands"), "sh"))
        .containsExactly(compare + "\n", "scripts/test\n");
    assertThat(read("scripts/test")).contains(compare + " 2>/dev/null");
  }

  @Test
  void theMonorepoServiceConfigurationParses() throws IOException {
    // The full configuration example is ConfigFileTest's; this is the one of "Monorepo".
    List<String> examples = fenced(section(readme(), "### Workflows"), "yaml");
    examples.removeIf(yaml -> !yaml.startsWith("images:"));
    assertThat(examples).hasSize(1);
    assertThat(ConfigFile.parse("README.md", examples.get(0)).images())
        .extracting(i -> i.name() + " " + i.context())
        .containsExactly("api services/api");
  }
}
