package dev.sizebot.report;

import java.util.List;

/** The collapsed footer: what was compared, how thresholds work, and the override label. */
final class CommentFooter {
  private CommentFooter() {}

  static void render(
      StringBuilder md, PrReport report, List<ImageReport> images, CommentOptions options) {
    md.append("<details><summary>What was compared · how thresholds work · override</summary>\n\n");
    md.append("**What was compared**\n\n");
    report
        .pr()
        .ifPresent(
            pr ->
                md.append("- pull request ")
                    .append(Markdown.code(pr.repository() + "#" + pr.number(), 120))
                    .append(" ")
                    .append(Markdown.prose(pr.title(), 120))
                    .append(": head ")
                    .append(Markdown.code(pr.headSha(), 40))
                    .append(" against its merge-base ")
                    .append(Markdown.code(pr.baseSha(), 40))
                    .append('\n'));
    for (ImageReport image : images) {
      side(md, image, "base", image.base());
      side(md, image, "head", image.head());
    }
    md.append("\n**How thresholds work**\n\n");
    for (ImageReport image : images) {
      md.append("- ").append(Markdown.prose(image.name(), CommentImage.NAME_CHARS)).append(": ");
      md.append(
          image.budget().unlimited()
              ? "no budget set (add `budget:` for this image to `.github/sizebot.yml`)"
              // Built from numbers only: nothing untrusted to escape.
              : String.join(" · ", image.budget().limits()));
      md.append("; noise floor ").append(Numbers.bytes(image.budget().noiseFloor())).append('\n');
    }
    md.append("- Sizes are the uncompressed bytes `docker images` shows. A change smaller than the")
        .append(
            " noise floor reads \"no change\" and is not judged by the increase limits. Passing a")
        .append(
            " `max-` limit fails the check, reaching a `warn-` level warns, and a failed build fails.\n")
        .append("- Pull time is the compressed size at ")
        .append(report.pullMbitPerSecond())
        .append(" Mbit/s; startup is the median (min–max) of fresh runs of each image.\n");
    md.append("\n**Override**\n\n- Apply the label ")
        .append(Markdown.code(options.overrideLabel(), 50))
        .append(" to this pull request to turn a failing sizebot check neutral; ")
        .append(Markdown.prose(options.overrideWho(), 200))
        .append(" can apply it. Remove it to restore the gate.\n\n</details>\n");
  }

  private static void side(StringBuilder md, ImageReport image, String which, SideReport side) {
    md.append("- ")
        .append(Markdown.prose(image.name(), CommentImage.NAME_CHARS))
        .append(' ')
        .append(which)
        .append(": ")
        .append(Markdown.code(side.label(), CommentImage.REF_CHARS))
        .append(", ")
        .append(Markdown.prose(side.source(), 200));
    side.commit().ifPresent(c -> md.append(" at ").append(Markdown.code(c, 40)));
    // No image ID: rebuilding the same commit gives a new one (the config's creation time), so a
    // rerun that changed nothing would rewrite the comment. The JSON report keeps the IDs.
    md.append('\n');
  }
}
