package dev.sizebot.rules;

import static dev.sizebot.rules.RuleCheck.lines;
import static dev.sizebot.rules.RuleCheck.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sizebot.common.UnixPath;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.Stage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContextPathsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "COPY . .                  | /app/docs         | docs",
        "COPY . /srv               | /srv/a/b.txt      | a/b.txt",
        "COPY ./ ./                | /app/x            | x",
        "COPY docs /app/docs       | /app/docs/a.pdf   | docs/a.pdf",
        "COPY docs /app/           | /app/a.pdf        | docs/a.pdf",
        "COPY big.tar /tmp/        | /tmp/big.tar      | -",
        "COPY docs /app/docs       | /app/docs         | -",
        "COPY . .                  | /etc/passwd       | -",
        "COPY a b /app/            | /app/a            | -",
        "COPY *.md /app/           | /app/x.md         | -",
        "COPY --from=build /o /app | /app/x            | -",
        "ADD vendor.tar.gz /opt    | /opt/x            | -",
      })
  void aSinglePlainSourceIsTracedBackIntoTheContext(String copy, String path, String want) {
    Dockerfile dockerfile = parse(lines("FROM scratch", "WORKDIR /app", copy));
    Stage stage = dockerfile.finalStage();
    Optional<List<String>> traced =
        ContextPaths.of(stage, stage.instructions().get(1), List.of(UnixPath.of(path)));
    assertThat(traced).isEqualTo(want.equals("-") ? Optional.empty() : Optional.of(List.of(want)));
  }
}
