package dev.sizebot.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordLexerTest {
  private static final WordLexer LEXER = new WordLexer('\\', false, false);

  /** A=hello, EMPTY set to "", UNSET declared by an ARG without value, anything else unknown. */
  private static Variables vars() {
    Variables v = Variables.stage();
    v.setArg("A", "hello");
    v.setArg("EMPTY", "");
    v.declare("UNSET");
    return v;
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      quoteCharacter = '~',
      value = {
        "$A                | hello",
        "${A}              | hello",
        "x${A}y            | xhelloy",
        "${A:-x}           | hello",
        "${EMPTY:-x}       | x",
        "${EMPTY-x}        | ''",
        "${UNSET-x}        | x",
        "${UNSET:-x}       | x",
        "${A:+x}           | x",
        "${EMPTY:+x}       | ''",
        "${EMPTY+x}        | x",
        "${UNSET+x}        | ''",
        "$UNSET            | ''",
        "${UNSET:-${A}}    | hello",
        "$NOPE             | $NOPE",
        "${NOPE}           | ${NOPE}",
        "${NOPE:-x}        | ${NOPE:-x}",
        "'$A'              | $A",
        "\"$A\"            | hello",
        "\\$A              | $A",
        "\"\\$A\"          | $A",
        "\"a\\b\"          | a\\b",
        "a\\ b             | a b",
        "'a\\b'            | a\\b",
        "${A#he}           | llo",
        "${A%lo}           | hel",
        "${A##*l}          | o",
        "${A#*l}           | lo",
        "${A%%l*}          | he",
        "${A%l*}           | hel",
        "$                 | $",
        "a$                | a$",
        "$-x               | $-x",
      })
  void expandsLikeBuildKit(String word, String expected) {
    String unquoted = expected.equals("''") ? "" : expected;
    assertThat(LEXER.processWord(word.strip(), vars())).isEqualTo(unquoted);
  }

  @ParameterizedTest(name = "{0} fails: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "${A              | syntax error: missing '}'",
        "${               | syntax error: missing '}'",
        "${}              | syntax error: bad substitution",
        "${:x}            | syntax error: bad substitution",
        "\"abc            | unexpected end of statement while looking for matching double-quote",
        "'abc             | unexpected end of statement while looking for matching single-quote",
        "${UNSET:?needed} | UNSET: needed",
        "${UNSET?}        | UNSET: is not allowed to be unset",
        "${A!x}           | unsupported modifier (!) in substitution",
      })
  void malformedWordsFailWithBuildKitsMessage(String word, String message) {
    assertThatThrownBy(() -> LEXER.processWord(word.strip(), vars()))
        .isInstanceOf(WordLexer.LexException.class)
        .hasMessage(message.strip());
  }

  @org.junit.jupiter.api.Test
  void backtickEscapeTokenEscapesDollarAndLeavesBackslashAlone() {
    WordLexer windows = new WordLexer('`', false, false);
    assertThat(windows.processWord("C:\\dir`$A$A", vars())).isEqualTo("C:\\dir$Ahello");
  }

  @org.junit.jupiter.api.Test
  void processWordsSplitsExpandedValuesButNotQuotedOnes() {
    Variables v = vars();
    v.setArg("TWO", "a b");
    assertThat(LEXER.processWords("x $TWO \"$TWO\" 'c d'", v))
        .containsExactly("x", "a", "b", "a b", "c d");
  }

  @org.junit.jupiter.api.Test
  void heredocBodyLexerKeepsQuotesButExpands() {
    assertThat(WordLexer.forHeredocBody().processWord("say '$A' \"$A\" \\$A\n", vars()))
        .isEqualTo("say 'hello' \"hello\" $A\n");
  }

  @org.junit.jupiter.api.Test
  void globalScopeTreatsUnknownNamesAsUnsetExceptAutomaticPlatformArgs() {
    Variables g = Variables.global();
    assertThat(LEXER.processWord("${NOPE:-alpine}", g)).isEqualTo("alpine");
    assertThat(LEXER.processWord("$NOPE", g)).isEmpty();
    assertThat(LEXER.processWord("$BUILDPLATFORM", g)).isEqualTo("$BUILDPLATFORM");
  }

  @org.junit.jupiter.api.Test
  void envBeatsArgOfTheSameNameEvenWhenTheArgComesLater() {
    Variables v = Variables.stage();
    v.setArg("X", "arg");
    v.setEnv("X", "env");
    v.setArg("X", "later-arg");
    assertThat(LEXER.processWord("$X", v)).isEqualTo("env");
  }

  @org.junit.jupiter.api.Test
  void deeplyNestedSubstitutionsFailCleanly() {
    String word = "${A:-".repeat(200) + "x" + "}".repeat(200);
    assertThatThrownBy(() -> LEXER.processWord(word, vars()))
        .isInstanceOf(WordLexer.LexException.class)
        .hasMessageContaining("nested");
  }
}
