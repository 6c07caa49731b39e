package dev.sizebot.report;

import static dev.sizebot.diff.TestImages.image;

import dev.sizebot.common.ByteSize;
import dev.sizebot.diff.BuildSteps;
import dev.sizebot.diff.ImageDiff;
import dev.sizebot.diff.Side;
import dev.sizebot.diff.TestImages;
import dev.sizebot.rules.Finding;
import dev.sizebot.rules.Fix;
import dev.sizebot.rules.LineRange;
import dev.sizebot.rules.Severity;
import dev.sizebot.startup.ProbeSpec;
import dev.sizebot.startup.RunSample;
import dev.sizebot.startup.StartupResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Realistic reports for the PR comment's golden files: an api image that grows past its budget, …
 */
final class ReportSamples {
  static final long MB = 1_000_000;
  static final Budget API_BUDGET =
      Budget.NONE.withMaxSize(300 * MB).withMaxIncrease(20 * MB, 5).withWarnIncrease(5 * MB, 2);

  static final String DOCKERFILE =
      String.join(
          "\n",
          "FROM python:3.13-slim",
          "ENV PIP_NO_COLOR=1",
          "COPY requirements.txt /app/",
          "RUN apt-get update && apt-get install -y build-essential libpq-dev",
          "RUN pip install -r /app/requirements.txt",
          "COPY . /app",
          "CMD [\"python\", \"-m\", \"api\"]",
          "");

  private ReportSamples() {}

  static TestImages base() {
    return base(1_200_000);
  }

  /** The base image with {@code appBytes} in the last COPY (another size, another digest). */
  static TestImages base(long appBytes) {
    return image()
        .layer("/bin/sh -c #(nop) ADD file:9a1b in / ", "os", "/usr/lib/libc.so", 74_800_000)
        .empty("/bin/sh -c #(nop)  CMD [\"python3\"]")
        .empty("ENV PIP_NO_COLOR=1")
        .layer("COPY requirements.txt /app/ # buildkit", "req1", "/app/requirements.txt", 412)
        .layer(
            "RUN /bin/sh -c pip install -r /app/requirements.txt # buildkit",
            "pip1",
            "/usr/local/lib/python3.13/site-packages/django/__init__.py",
            121_000_000,
            "/root/.cache/pip/http/a1",
            18_300_000)
        .layer("COPY . /app # buildkit", "app" + appBytes, "/app/api/main.py", appBytes)
        .empty("CMD [\"python\" \"-m\" \"api\"]")
        .config(TestImages.config(List.of("PIP_NO_COLOR=1"), Map.of()));
  }

  static TestImages head() {
    return image()
        .layer("/bin/sh -c #(nop) ADD file:9a1b in / ", "os", "/usr/lib/libc.so", 74_800_000)
        .empty("/bin/sh -c #(nop)  CMD [\"python3\"]")
        .empty("ENV PIP_NO_COLOR=1")
        .layer("COPY requirements.txt /app/ # buildkit", "req2", "/app/requirements.txt", 498)
        .layer(
            "RUN /bin/sh -c apt-get update && apt-get install -y build-essential libpq-dev #"
                + " buildkit",
            "apt",
            "/usr/lib/gcc/x86_64-linux-gnu/12/cc1",
            412_000_000,
            "/usr/bin/x86_64-linux-gnu-ld.bfd",
            96_000_000,
            "/var/lib/apt/lists/deb.debian.org_dists_bookworm_main",
            45_200_000)
        .layer(
            "RUN /bin/sh -c pip install -r /app/requirements.txt # buildkit",
            "pip2",
            "/usr/local/lib/python3.13/site-packages/django/__init__.py",
            121_000_000,
            "/usr/local/lib/python3.13/site-packages/numpy/core/_multiarray.so",
            131_000_000,
            "/root/.cache/pip/http/a1",
            121_500_000)
        .layer("COPY . /app # buildkit", "app2", "/app/api/main.py", 1_250_000)
        .empty("CMD [\"python\" \"-m\" \"api\"]")
        .config(TestImages.config(List.of("PIP_NO_COLOR=1"), Map.of()));
  }

  static ImageDiff diff(TestImages base, TestImages head, long baseWaste, long headWaste) {
    return ImageDiff.compare(
        new Side(base.build(), Optional.of(new BuildSteps(lines(base))), Optional.of(baseWaste)),
        new Side(head.build(), Optional.of(new BuildSteps(lines(head))), Optional.of(headWaste)),
        10);
  }

  // Dockerfile lines of the build's own steps (the base image's two history entries have none).
  private static List<Integer> lines(TestImages image) {
    int steps = image.build().history().size();
    return steps == 7 ? List.of(2, 3, 5, 6, 7) : List.of(2, 3, 4, 5, 6, 7);
  }

  /** Image sides compared without their Dockerfiles (no lines, drift unknown). */
  static ImageDiff diffWithoutBuild(TestImages base, TestImages head) {
    return ImageDiff.compare(
        new Side(base.build(), Optional.empty(), Optional.empty()),
        new Side(head.build(), Optional.empty(), Optional.empty()),
        10);
  }

  static CompareReport compare(ImageDiff diff, Optional<StartupComparison> startup) {
    return new CompareReport(
        new Compared("main", "built from docker/api.Dockerfile", Optional.of("1a2b3c4")),
        new Compared("feature/deps", "built from docker/api.Dockerfile", Optional.of("5d6e7f8")),
        Optional.of(diff),
        List.of(),
        startup);
  }

  static List<Finding> findings() {
    Finding apt =
        new Finding(
            "SB101",
            Severity.WARNING,
            "apt lists left in the layer",
            "apt-get update at line 4 leaves /var/lib/apt/lists in the image",
            "The package lists are only needed while installing; left in the layer they ship"
                + " with every pull.",
            LineRange.of(4),
            Optional.of(
                new Fix.Replacement(
                    "remove the lists in the same RUN",
                    LineRange.of(4),
                    "RUN apt-get update && apt-get install -y --no-install-recommends"
                        + " build-essential libpq-dev \\\n    && rm -rf /var/lib/apt/lists/*")),
            Optional.empty(),
            Optional.empty(),
            List.of("DL3009"));
    Finding pip =
        new Finding(
            "SB104",
            Severity.WARNING,
            "pip cache left in the layer",
            "pip install at line 5 keeps its download cache",
            "pip keeps every downloaded wheel under /root/.cache/pip unless told not to.",
            LineRange.of(5),
            Optional.of(
                new Fix.Replacement(
                    "install without the cache",
                    LineRange.of(5),
                    "RUN pip install --no-cache-dir -r /app/requirements.txt")),
            Optional.empty(),
            Optional.empty(),
            List.of("DL3042"));
    return List.of(
        apt.withEvidence(
            ByteSize.of(45_200_000), "/var/lib/apt/lists holds 45.2 MB in the layer of line 4"),
        pip.withEvidence(
            ByteSize.of(121_500_000), "/root/.cache/pip holds 122 MB in the layer of line 5"));
  }

  static StartupResult startup(String image, long... ms) {
    return startupWithMemory(image, 48_000_000, ms);
  }

  static StartupResult startupWithMemory(String image, long memory, long... ms) {
    List<RunSample> runs = new java.util.ArrayList<>();
    for (int i = 0; i < ms.length; i++) {
      runs.add(
          new RunSample(
              i + 1,
              Duration.ofMillis(ms[i]),
              Optional.of(ByteSize.of(memory + 1_000_000L * i)),
              Optional.empty()));
    }
    return new StartupResult(
        image,
        ProbeSpec.parse("http://:8000/health"),
        ms.length,
        Duration.ofSeconds(60),
        runs,
        Optional.empty());
  }

  static Optional<StartupComparison> startups() {
    return Optional.of(
        new StartupComparison(
            startup("sizebot:base", 810, 790, 805, 840, 798),
            startup("sizebot:head", 1_210, 1_190, 1_250, 1_230, 1_205)));
  }

  static PrContext pr() {
    return new PrContext(
        "acme/shop", 42, "Add numpy for the pricing model", "5d6e7f8a9b0c", "1a2b3c4d5e6f");
  }

  /** The api image: +1 GB including a new toolchain step, past a 300 MB budget. */
  static ImageReport growth() {
    return ImageReport.of(
        "api",
        "linux/amd64",
        compare(diff(base(), head(), 18_300_000, 166_700_000), startups()),
        findings(),
        Optional.of(DOCKERFILE),
        API_BUDGET);
  }

  /** The same api change, reversed: head drops the toolchain step and the caches. */
  static ImageReport shrink() {
    CompareReport c =
        new CompareReport(
            new Compared("main", "built from docker/api.Dockerfile", Optional.of("1a2b3c4")),
            new Compared("slim-down", "built from docker/api.Dockerfile", Optional.of("9f8e7d6")),
            Optional.of(diff(head(), base(), 166_700_000, 18_300_000)),
            List.of());
    return ImageReport.of("api", "linux/amd64", c, List.of(), Optional.empty(), API_BUDGET);
  }

  /** A docs-only change: the last COPY moves by 2 kB, under the noise floor. */
  static ImageReport noChange() {
    return ImageReport.of(
        "api",
        "linux/arm64",
        compare(diff(base(), base(1_202_000), 18_300_000, 18_300_000), Optional.empty()),
        List.of(),
        Optional.empty(),
        API_BUDGET);
  }

  /** The head build fails at line 4 (a package that does not exist). */
  static ImageReport buildFailed() {
    CompareReport c =
        new CompareReport(
            new Compared("main", "built from docker/api.Dockerfile", Optional.of("1a2b3c4")),
            new Compared(
                "feature/deps", "built from docker/api.Dockerfile", Optional.of("5d6e7f8")),
            Optional.empty(),
            List.of(
                new BuildFailure(
                    "head",
                    Optional.of(4),
                    Optional.of("RUN apt-get update && apt-get install -y build-essentials"),
                    1,
                    Optional.of(100),
                    List.of(
                        "#7 2.113 Reading package lists...",
                        "#7 2.301 E: Unable to locate package build-essentials",
                        "#7 ERROR: process \"/bin/sh -c apt-get update && apt-get install -y"
                            + " build-essentials\" did not complete successfully: exit code: 100"))));
    return ImageReport.of("api", "linux/amd64", c, List.of(), Optional.of(DOCKERFILE), API_BUDGET);
  }

  /** A worker image whose size barely moves but whose startup triples. */
  static ImageReport startupRegression() {
    Optional<StartupComparison> startup =
        Optional.of(
            new StartupComparison(
                startupWithMemory("sizebot:base", 41_000_000, 812, 790, 805, 841, 798),
                startupWithMemory("sizebot:head", 96_000_000, 2_410, 2_388, 2_502, 2_433, 2_399)));
    return ImageReport.of(
        "worker",
        "linux/amd64",
        compare(diff(base(), base(1_650_000), 18_300_000, 18_300_000), startup),
        List.of(),
        Optional.empty(),
        Budget.NONE);
  }
}
