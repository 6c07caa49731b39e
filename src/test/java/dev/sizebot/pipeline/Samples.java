package dev.sizebot.pipeline;

import dev.sizebot.common.ByteSize;
import dev.sizebot.common.UnixPath;
import dev.sizebot.config.Budget;
import dev.sizebot.config.CommentConfig;
import dev.sizebot.config.ImageConfig;
import dev.sizebot.config.SizebotConfig;
import dev.sizebot.diff.BuildSteps;
import dev.sizebot.diff.ImageDiff;
import dev.sizebot.diff.Side;
import dev.sizebot.diff.TestImages;
import dev.sizebot.report.CompareReport;
import dev.sizebot.report.Compared;
import dev.sizebot.rules.Finding;
import dev.sizebot.rules.Fix;
import dev.sizebot.rules.LineRange;
import dev.sizebot.rules.Severity;
import dev.sizebot.rules.ShippedBytes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Two configured images (api grows past its budget, worker does not change) and their reports. */
final class Samples {
  static final String HEAD = "5d6e7f80a1b2c3d4e5f60718293a4b5c6d7e8f90";
  static final String BASE = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
  static final String DOCKERFILE =
      "FROM scratch\nCOPY app /app\nRUN apt-get update && apt-get install -y curl\n";

  private Samples() {}

  static SizebotConfig config(boolean suggestions) {
    ImageConfig api =
        new ImageConfig(
            "api",
            ".",
            "docker/api.Dockerfile",
            Optional.empty(),
            Map.of(),
            Optional.of("linux/amd64"),
            Optional.empty(),
            Optional.empty(),
            new Budget(
                Optional.of(ByteSize.of(20_000_000)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    ImageConfig worker = ImageConfig.named("worker");
    return new SizebotConfig(
        List.of(api, worker), List.of(), CommentConfig.DEFAULT, true, suggestions);
  }

  /** A fake engine: api grows by 29 MB in a new RUN step, worker is rebuilt byte for byte. */
  static Measurer measurer() {
    return (image, base, head) -> {
      boolean api = image.name().equals("api");
      TestImages b =
          TestImages.image().layer("COPY app /app # buildkit", "app", "/app/x", 1_000_000);
      TestImages h =
          api
              ? TestImages.image()
                  .layer("COPY app /app # buildkit", "app", "/app/x", 1_000_000)
                  .layer(
                      "RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit",
                      "apt",
                      "/usr/bin/curl",
                      4_000_000,
                      "/var/lib/apt/lists/deb.debian.org_dists_bookworm_main",
                      25_000_000)
              : TestImages.image().layer("COPY app /app # buildkit", "app", "/app/x", 1_000_000);
      ImageDiff diff =
          ImageDiff.compare(
              new Side(b.build(), Optional.of(new BuildSteps(List.of(2))), Optional.of(0L)),
              new Side(
                  h.build(),
                  Optional.of(new BuildSteps(api ? List.of(2, 3) : List.of(2))),
                  Optional.of(0L)),
              10);
      CompareReport report =
          new CompareReport(
              new Compared(
                  "base", "built from " + image.dockerfile() + " at 1a2b3c4", Optional.of(BASE)),
              new Compared(
                  "head", "built from " + image.dockerfile() + " at 5d6e7f8", Optional.of(HEAD)),
              Optional.of(diff),
              List.of());
      List<Finding> findings = api ? List.of(aptLists()) : List.of();
      return new Measurer.Measurement(
          "linux/amd64", report, findings, api ? Optional.of(DOCKERFILE) : Optional.empty());
    };
  }

  static Finding aptLists() {
    return new Finding(
            "SB101",
            Severity.WARNING,
            "apt lists left in the layer",
            "apt-get update at line 3 leaves /var/lib/apt/lists in the image",
            "The package lists are only needed while installing.",
            LineRange.of(3),
            Optional.of(
                new Fix.Replacement(
                    "remove the lists in the same RUN",
                    LineRange.of(3),
                    "RUN apt-get update && apt-get install -y curl \\\n"
                        + "    && rm -rf /var/lib/apt/lists/*")),
            ShippedBytes.NONE,
            Optional.empty(),
            List.of("DL3009"))
        .withEvidence(
            ShippedBytes.of(
                1,
                UnixPath.of("/var/lib/apt/lists/deb.debian.org_dists_bookworm_main"),
                25_000_000),
            "/var/lib/apt/lists holds 25.0 MB in the layer of line 3");
  }
}
