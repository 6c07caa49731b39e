package dev.sizebot.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file BuildKit's parser rejects is invalid input naming the file and the line; an instruction
 * the parser accepts but BuildKit would refuse to build stays in the model with its error.
 */
class ParseErrorsTest {
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "''                                          | df:1: file with no instructions",
        "# just a comment\\n\\n                      | df:2: file with no instructions",
        "# escape=x\\nFROM a                         | df:1: invalid escape token 'x' does not match ` or \\",
        "# escape=\\\\n# escape=`\\nFROM a         | df:2: only one escape parser directive can be used",
        "FROM a\\nRUN x \\\\n  y\\nFOO bar         | df:4: unknown instruction: FOO",
        "FROM a\\nRUN <<EOF\\necho                   | df:2: unterminated heredoc <<EOF",
        "FROM a\\nRUN [\"a\", 1]                     | df:2: when using JSON array syntax, arrays must be comprised of strings only",
        "FROM a\\nENV A                              | df:2: ENV must have two arguments",
        "FROM a\\nENV A=1 B                          | df:2: Syntax error - can't find = in \"B\"",
      })
  void errorsAreInvalidInputWithFileAndLine(String text, String message) {
    String input = text.strip().equals("''") ? "" : text.strip().replace("\\n", "\n");
    assertThatThrownBy(() -> Dockerfile.parse(input, "df"))
        .isInstanceOf(SizebotException.class)
        .hasMessageStartingWith(message.strip())
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((SizebotException) e).exitCode())
                    .isEqualTo(ExitCode.INVALID_INPUT));
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "RUN x\\nFROM a                              | 1 | RUN before the first FROM",
        "FROM                                        | 1 | FROM requires either one or three arguments",
        "FROM a b                                    | 1 | FROM requires either one or three arguments",
        "FROM a AS 1x                                | 1 | invalid name for build stage: \"1x\"",
        "FROM a AS x\\nFROM b AS X                   | 2 | duplicate stage name \"x\"",
        "FROM $NOPE                                  | 1 | base name ($NOPE) should not be blank",
        "FROM a\\nCOPY x                             | 2 | COPY requires at least two arguments",
        "FROM a\\nADD                                | 2 | ADD requires at least two arguments",
        "FROM a\\nCOPY --form=b x y                  | 2 | unknown flag: form (COPY accepts --chmod",
        "FROM a\\nCOPY --from=a --from=b x y         | 2 | duplicate flag specified: from",
        "FROM a\\nCOPY --from x y                    | 2 | missing a value on flag: from",
        "FROM a\\nCOPY --link=maybe x y              | 2 | expecting boolean value for flag link, not: maybe",
        "FROM a\\nWORKDIR --x=1 /a                   | 2 | unknown flag: x (WORKDIR takes no flags)",
        "FROM a\\nCOPY a <<EOF\\nx\\nEOF             | 2 | COPY cannot accept a heredoc as a destination",
        "FROM a\\nLABEL                              | 2 | LABEL requires at least one argument",
        "FROM a\\nARG =x                             | 2 | ARG names can not be blank",
        "FROM a\\nSTOPSIGNAL                         | 2 | STOPSIGNAL requires exactly one argument",
        "FROM a\\nWORKDIR                            | 2 | WORKDIR requires exactly one argument",
        "FROM a\\nSHELL sh -c                        | 2 | SHELL requires the arguments to be in JSON form",
        "FROM a\\nONBUILD                            | 2 | ONBUILD requires at least one argument",
        "FROM a\\nONBUILD ONBUILD RUN x              | 2 | Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
        "FROM a\\nONBUILD FROM b                     | 2 | FROM isn't allowed as an ONBUILD trigger",
        "FROM a\\nHEALTHCHECK NONE x                 | 2 | HEALTHCHECK NONE takes no arguments",
        "FROM a\\nHEALTHCHECK CMD                    | 2 | Missing command after HEALTHCHECK CMD",
        "FROM a\\nHEALTHCHECK PING x                 | 2 | Unknown type \"PING\" in HEALTHCHECK (try CMD)",
        "FROM a\\nHEALTHCHECK --retries=0 CMD x      | 2 | --retries must be at least 1 (not 0)",
        "FROM a\\nHEALTHCHECK --interval=5 CMD x     | 2 | time: invalid duration \"5\"",
        "FROM a\\nHEALTHCHECK --timeout=0s CMD x     | 2 | Interval \"timeout\" cannot be less than 1ms",
        "FROM a\\nHEALTHCHECK --interval=.5us CMD x  | 2 | Interval \"interval\" cannot be less than 1ms",
        "FROM a\\nRUN --mount=type=nfs x             | 2 | unsupported mount type \"nfs\"",
        "FROM a\\nWORKDIR ${X                        | 2 | failed to process \"${X\": syntax error: missing '}'",
        "FROM a\\nCOPY \"a b\" /x                    | 2 | failed to process \"\"a\": unexpected end of statement",
        "FROM a\\nVOLUME \"\"                        | 2 | VOLUME specified can not be an empty string",
        "FROM a\\nONBUILD RUN x\\nUSER                   | 3 | USER requires exactly one argument",
      })
  void instructionsThatWouldNotBuildStayInTheModelWithTheirError(
      String text, int line, String message) {
    Dockerfile parsed = Dockerfile.parse(text.strip().replace("\\n", "\n"), "df");
    assertThat(parsed.failsToBuild()).isTrue();
    BuildError first = parsed.errors().get(0);
    assertThat(first.message()).startsWith(message.strip());
    assertThat(first.at().startLine()).isEqualTo(line);
    assertThat(parsed.invalid().size() + parsed.stages().size()).isPositive();
  }
}
