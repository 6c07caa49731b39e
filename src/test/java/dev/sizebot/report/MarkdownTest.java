package dev.sizebot.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "plain; plain",
        "a|b; a\\|b",
        "[x](http://evil); \\[x\\]\\(http://evil\\)",
        "<img src=x>; \\<img src=x\\>",
        "ping @octocat; ping @\u200doctocat",
        "@org/team; @\u200dorg/team",
        "mail a@b.c; mail a@\u200db\\.c"
      })
  void escapesUntrustedInlineText(String in, String out) {
    assertThat(Markdown.text(in)).isEqualTo(out);
  }

  @Test
  void escapesAmpersandsSoEntitiesCannotSmuggleHtml() {
    assertThat(Markdown.text("A&B &lt;")).isEqualTo("A&amp;B &amp;lt;");
  }

  @Test
  void foldsNewlinesSoATableRowStaysOneRow() {
    assertThat(Markdown.text("a\nb\r\nc")).isEqualTo("a b c");
  }

  @Test
  void codeSpansOutgrowEmbeddedBackticks() {
    assertThat(Markdown.code("ls")).isEqualTo("`ls`");
    assertThat(Markdown.code("a``b")).isEqualTo("```a``b```");
    assertThat(Markdown.code("`x")).isEqualTo("`` `x ``");
    assertThat(Markdown.code("a|b")).isEqualTo("`a\u2502b`");
  }

  @Test
  void blocksOutgrowEmbeddedFences() {
    assertThat(Markdown.block("diff", "```\nx")).isEqualTo("````diff\n```\nx\n````\n");
    assertThat(Markdown.block("", "y\n")).isEqualTo("```\ny\n```\n");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "RUN make | tee /log; `RUN make \\| tee /log`",
        "a\\|b; `a\\\u2502b`",
        "x | `y`; `` x \\| `y` ``",
      })
  void tableCellCodeSpansKeepPipesThatTheTableParserUnescapes(String in, String out) {
    assertThat(Markdown.codeCell(in)).isEqualTo(out);
  }

  @Test
  void proseClipsEscapesAndUnlinksBareUrls() {
    assertThat(Markdown.prose("see https://evil.example and www.evil.example", 100))
        .isEqualTo("see https:\u200b//evil\\.example and www\u200b\\.evil\\.example");
    assertThat(Markdown.prose("abcdef", 4)).isEqualTo("abc…");
  }

  @Test
  void bidiOverridesAndControlCharactersAreDropped() {
    assertThat(Markdown.text("a\u202Eb\u0007c")).isEqualTo("abc");
    assertThat(Markdown.code("x\u2066y")).isEqualTo("`xy`");
  }

  @Test
  void clippingNeverSplitsASurrogatePair() {
    assertThat(Markdown.clip("🐳🐳🐳", 2)).isEqualTo("🐳…");
  }
}
