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
        "${A/l/L}          | heLlo",
        "${A//l/L}         | heLLo",
        "${A/l*/X}         | heX",
        "${A/?/X}          | Xello",
        "${A//?/X}         | XXXXX",
        "${A/x/y}          | hello",
        "${A/l}/x}         | hello",
        "${A///}           | hello",
        "${A//'l'/\"$A\"}  | hehellohelloo",
        "${A:#he}          | llo",
        "${UNSET/x/y}      | ''",
        "${UNSET///}       | ''",
        "${NOPE//a/b}      | ${NOPE//a/b}",
        "${NOPE/a/$A}      | ${NOPE/a/hello}",
        "${NOPE:x}         | ${NOPE:x}",
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
        "${A:-x           | syntax error: missing '}'",
        "${EMPTY:?}       | EMPTY: is not allowed to be empty",
        "${A:x}           | unsupported modifier (:x) in substitution",
        "${A//x}          | syntax error: missing '/' in ${}",
        "${A/x/y          | syntax error: missing '}'",
        "${A/\\x/y}       | invalid pattern (\\x) in substitution: invalid escape '\\x'",
      })
  void malformedWordsFailWithBuildKitsMessage(String word, String message) {
    assertThatThrownBy(() -> LEXER.processWord(word.strip(), vars()))
        .isInstanceOf(WordLexer.LexException.class)
        .hasMessage(message.strip());
  }

  /**
   * BuildKit's own cases for the replace forms (TestProcessWithMatches in
   * frontend/dockerfile/shell/lex_test.go), with the same variables and expected values.
   */
  @ParameterizedTest(name = "{0} with FOO={1} NEEDLE={2} REPLACEMENT={3} -> {4}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.} | /foo*/*/*.txt | \\*/ | | /foo.*/*.txt - /foo..*.txt",
        "${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}   | /tmp/tmp/bar.txt | /tmp | | /tmp/bar.txt - /bar.txt",
        "${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT} | /a/foo/b/c.txt | /?/ | / "
            + "| /foo/b/c.txt - /foo/c.txt",
        "${FOO/$NEEDLE/$REPLACEMENT} | http://google.de | http:// | https:// | https://google.de",
        "${FOO//\\//\\/}    | /tmp/foo.txt | | | \\/tmp\\/foo.txt",
        "${FOO/$NEEDLE/ww} | xxyy | ~~ | | wwxxyy",
        "${FOO///}         | xxyy | | | xxyy",
      })
  void replacesLikeBuildKitsOwnTests(
      String word, String foo, String needle, String replacement, String expected) {
    Variables v = Variables.stage();
    v.setArg("FOO", foo);
    if (needle != null) {
      v.setArg("NEEDLE", needle);
    }
    if (replacement != null) {
      v.setArg("REPLACEMENT", replacement);
    }
    assertThat(LEXER.processWord(word.strip(), v)).isEqualTo(expected);
  }

  /**
   * Go's ReplaceAllString: the replacement is a template; an empty match right after one is
   * skipped.
   */
  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "${V//a/['$0']}    | banana  | b[a]n[a]n[a]",
        "${V//a/['${0}']}  | banana  | b[a]n[a]n[a]",
        "${V//a/'$$'}      | banana  | b$n$n$",
        "${V//a/'$1x'}     | banana  | bnn",
        "${V//a/'${0'}     | banana  | b${0n${0n${0",
        "${V//a/\\$}       | banana  | b\\$n\\$n\\$",
        "${V/a/['$0']}     | banana  | b[$0]nana",
        "${V//*/-}         | ab      | -",
        "${V//?/-}         | 🖖x     | --",
        "${V%%🚀*}          | a🚀b🚀c  | a",
        "${V%🚀*}           | a🚀b🚀c  | a🚀b",
      })
  void replaceAllFollowsGosRegexpRules(String word, String value, String expected) {
    Variables v = Variables.stage();
    v.setArg("V", value);
    assertThat(LEXER.processWord(word.strip(), v)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aPatternThatWouldBacktrackForeverFailsCleanly() {
    Variables v = Variables.stage();
    v.setArg("V", "a".repeat(200));
    String word = "${V//" + "*a".repeat(12) + "*b/x}";
    assertThatThrownBy(() -> LEXER.processWord(word, v))
        .isInstanceOf(WordLexer.LexException.class)
        .hasMessage(
            "invalid pattern (" + "*a".repeat(12) + "*b) in substitution: too costly to match");
  }

  @org.junit.jupiter.api.Test
  void aStarDoesNotCrossANewlineAsInGo() {
    Variables v = Variables.stage();
    v.setArg("V", "a\nb\rc");
    assertThat(LEXER.processWord("${V//a*/X}", v)).isEqualTo("X\nb\rc");
    assertThat(LEXER.processWord("${V//b*/X}", v)).isEqualTo("a\nX");
    assertThat(LEXER.processWord("${V//*/-}", v)).isEqualTo("-\n-");
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
