package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The growth comment as a browser shows it: rendered by CommonMark with GFM tables, then
 * screenshotted by headless Chromium (Debian's {@code chromium}; scripts/test installs it). Under
 * {@code CI=true} a missing browser fails the test instead of skipping it.
 */
class PrCommentBrowserTest {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 2400;

  private static String golden() throws Exception {
    return Files.readString(
        Path.of("src/test/resources/golden/pr-comment-growth.md"), StandardCharsets.UTF_8);
  }

  @Test
  void theGoldenCommentRendersItsTablesWithEveryRow() throws Exception {
    String html = CommentHtml.render(golden());
    List<Integer> rows = rowsPerTable(html);
    // summary (7 rows), changed steps (4), unchanged steps (4), largest files (8); +1 header each.
    assertThat(rows).containsExactly(8, 5, 5, 9);
    assertThat(html)
        .contains("<h3>🐳 api — 🔴 +787 MB (+365.7 %) · compressed +394 MB</h3>")
        .contains("<td>size</td>\n<td align=\"right\">215\u00a0MB</td>")
        .contains("<pre><code class=\"language-diff\">-RUN apt-get update")
        .contains("<details><summary>What was compared");
  }

  @Test
  void headlessChromiumShowsTheGoldenComment() throws Exception {
    Optional<String> chromium = chromium();
    if (chromium.isEmpty()) {
      assertThat(System.getenv("CI"))
          .as("no chromium on PATH: install Debian's chromium (scripts/test does, as root)")
          .isNotEqualTo("true");
      Assumptions.abort("no chromium on PATH");
    }
    Path dir = Files.createDirectories(Path.of("target/browser"));
    Path page = dir.resolve("pr-comment-growth.html");
    Path png = dir.resolve("pr-comment-growth.png");
    Files.deleteIfExists(png);
    Files.writeString(page, CommentHtml.page(golden()), StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder(
                chromium.get(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile").toAbsolutePath(),
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromium.log").toFile())
            .start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished within 90 s").isTrue();
    assertThat(png).as("screenshot (see target/browser/chromium.log)").exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    // Not blank: text and table borders in many shades, and the red headline emoji.
    Set<Integer> colors = new HashSet<>();
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colors.add(rgb);
        if (rgb != 0xffffff) {
          ink++;
        }
      }
    }
    assertThat(colors.size()).isGreaterThan(50);
    assertThat(ink).isGreaterThan(image.getWidth() * image.getHeight() / 4 / 50);
  }

  private static List<Integer> rowsPerTable(String html) {
    Matcher tables = Pattern.compile("(?s)<table>.*?</table>").matcher(html);
    List<Integer> rows = new java.util.ArrayList<>();
    while (tables.find()) {
      rows.add((int) Pattern.compile("<tr>").matcher(tables.group()).results().count());
    }
    return rows;
  }

  private static Optional<String> chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name).toString());
        }
      }
    }
    return Optional.empty();
  }
}
