package dev.sizebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.report.Markdown;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretMaskTest {
  @ParameterizedTest
  @CsvSource({
    "NPM_TOKEN, true",
    "npmToken, true",
    "GH_PAT, true",
    "DB_PASSWORD, true",
    "AWS_SECRET_ACCESS_KEY, true",
    "APIKey, true",
    "api-key, true",
    "registry.auth, true",
    "VERSION, false",
    "KEYBOARD_LAYOUT, false",
    "PATH, false",
    "AUTHOR, false",
    "TOKENIZER_MODEL, false"
  })
  void aNameIsASecretWhenOneOfItsWordsIs(String name, boolean secret) {
    assertThat(SecretMask.isSecretName(name)).isEqualTo(secret);
  }

  @org.junit.jupiter.api.Test
  void everyFormTheReportGivesAValueIsMasked() {
    String value = "s3cr-et|\"x\"";
    SecretMask mask = SecretMask.of(Map.of("NPM_TOKEN", value, "VERSION", "1.2.3-rc"));
    String report =
        String.join(
            "\n",
            "raw " + value,
            "markdown " + Markdown.text(value),
            "json \"s3cr-et|\\\"x\\\"\"",
            "code s3cr-et\u2502\"x\"",
            "cell s3cr-et\\|\"x\"",
            "version 1.2.3-rc");

    assertThat(mask.apply(report))
        .isEqualTo(
            String.join(
                "\n",
                "raw ***",
                "markdown ***",
                "json \"***\"",
                "code ***",
                "cell ***",
                "version 1.2.3-rc"));
  }

  @org.junit.jupiter.api.Test
  void shortValuesAndOrdinaryNamesAreNotMasked() {
    SecretMask mask = SecretMask.of(Map.of("PIN_TOKEN", "123", "VERSION", "secret-looking"));
    assertThat(mask.isEmpty()).isTrue();
    PrintWriter target = new PrintWriter(new StringWriter());
    assertThat(mask.around(target)).isSameAs(target);
  }

  @org.junit.jupiter.api.Test
  void eachWarningSaysWhatBecameOfItsValue() {
    Map<String, String> args = new java.util.LinkedHashMap<>();
    args.put("NPM_TOKEN", "npm_abcdef");
    args.put("VERSION", "1.2.3");
    args.put("PIN_TOKEN", "123");
    args.put("GH_PAT", "");

    String advice =
        "; a RUN that uses a build argument records it in the image's history,"
            + " so pass it with RUN --mount=type=secret instead";
    assertThat(SecretMask.warnings(args))
        .containsExactly(
            "warning: --build-arg NPM_TOKEN looks like a secret: sizebot masks its value" + advice,
            "warning: --build-arg PIN_TOKEN looks like a secret, and its value is too short to"
                + " mask (under 4 characters), so it may show in the report"
                + advice,
            "warning: --build-arg GH_PAT looks like a secret" + advice);
  }

  @org.junit.jupiter.api.Test
  void aValueWrittenInPiecesIsMaskedOnceItsLineIsComplete() {
    StringWriter written = new StringWriter();
    PrintWriter out = SecretMask.of(Map.of("TOKEN", "abcdef")).around(new PrintWriter(written));

    out.print("  | echo abc");
    out.print("def > /x\nnext ");
    assertThat(written.toString()).isEqualTo("  | echo *** > /x\n");
    out.println("abcdef");
    assertThat(written.toString())
        .isEqualTo("  | echo *** > /x\nnext ***" + System.lineSeparator());
  }
}
