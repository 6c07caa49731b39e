package dev.sizebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangedLinesTest {
  // Head side: 1 +, 2 ctx, 3-6 +, 7-8 ctx; second hunk: 14 ctx, 15 +, 16 ctx.
  static final String PATCH =
      "@@ -1,6 +1,8 @@\n-FROM python:3.12\n+FROM python:3.13\n WORKDIR /app\n-COPY . .\n"
          + "-RUN pip install -r requirements.txt\n+COPY requirements.txt .\n+RUN apt-get update\n"
          + "+RUN pip install -r requirements.txt\n+COPY . .\n EXPOSE 8000\n CMD [\"app\"]\n"
          + "@@ -12,2 +14,3 @@ EXPOSE 8000\n HEALTHCHECK CMD true\n+USER 1000\n LABEL a=b\n"
          + "\\ No newline at end of file";

  @ParameterizedTest(name = "lines {0}-{1} changed: {2}")
  @CsvSource({
    "1, 1, true",
    "2, 2, false",
    "3, 6, true",
    "1, 3, false",
    "6, 7, false",
    "7, 8, false",
    "14, 14, false",
    "15, 15, true",
    "16, 16, false",
    "17, 17, false",
    "0, 1, false"
  })
  void onlyAddedHeadLinesCount(int start, int end, boolean covered) {
    assertThat(ChangedLines.of(PATCH).covers(start, end)).isEqualTo(covered);
  }

  @Test
  void countsAddedLinesOnlyFromHunks() {
    assertThat(ChangedLines.of("@@ -0,0 +1,2 @@\n+a\n+b").count()).isEqualTo(2);
    assertThat(ChangedLines.of("@@ -1 +1 @@\n-a\n+b").count()).isEqualTo(1);
    assertThat(ChangedLines.of("@@ -1 +1 @@\n-a\n+b").covers(1, 1)).isTrue();
    assertThat(ChangedLines.of("@@ -3,2 +3 @@\n a\n-b").count()).isZero();
    assertThat(ChangedLines.of("+not in a hunk\nBinary files differ").count()).isZero();
  }
}
