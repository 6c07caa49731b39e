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
