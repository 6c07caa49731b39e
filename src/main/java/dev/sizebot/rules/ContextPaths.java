package dev.sizebot.rules;

import dev.sizebot.common.UnixPath;
import dev.sizebot.dockerfile.Add;
import dev.sizebot.dockerfile.Copy;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Stage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where files a COPY or ADD put into the image came from in the build context, so a {@code
 * .dockerignore} line can leave them out. Only a single plain source is traced back: {@code COPY .
 * /app} puts {@code docs/x} at {@code /app/docs/x}; {@code COPY docs /app/docs} puts the
 * directory's contents there. The source itself (a whole {@code COPY big.tar /tmp/} deleted) is not
 * traced: ignoring it would fail the COPY. Globs, several sources and ADD archives (which ADD
 * unpacks) are not traced either.
 */
final class ContextPaths {
  private ContextPaths() {}

  /** The context path of each image path, or empty when any of them cannot be traced. */
  static Optional<List<String>> of(Stage stage, Instruction in, Collection<UnixPath> paths) {
    List<String> sources = Context.localSources(in);
    boolean unpacks = in instanceof Add && sources.stream().anyMatch(ContextPaths::isArchive);
    if (sources.size() != 1 || unpacks || sources.get(0).matches(".*[*?\\[].*")) {
      return Optional.empty();
    }
    String resolved = Paths.resolve("/", sources.get(0));
    String source = resolved.equals("/") ? "" : resolved.substring(1);
    String destination = destination(in);
    String dest = Paths.resolve(Paths.workdirBefore(stage, in), destination);
    List<String> out = new ArrayList<>();
    for (UnixPath path : paths) {
      Optional<String> traced = traced(source, dest, destination.endsWith("/"), path.value());
      if (traced.isEmpty()) {
        return Optional.empty();
      }
      out.add(traced.get());
    }
    return Optional.of(List.copyOf(out));
  }

  private static Optional<String> traced(String source, String dest, boolean intoDir, String path) {
    if (!Paths.within(path, dest)) {
      return Optional.empty();
    }
    String rel = path.equals(dest) ? "" : path.substring(dest.equals("/") ? 1 : dest.length() + 1);
    String name = source.substring(source.lastIndexOf('/') + 1);
    if (source.isEmpty()) {
      return rel.isEmpty() ? Optional.empty() : Optional.of(rel);
    }
    if (rel.isEmpty() || intoDir && rel.equals(name)) {
      // The source itself is gone: ignoring it would leave the COPY with nothing to copy.
      return Optional.empty();
    }
    return Optional.of(source + "/" + rel);
  }

  private static String destination(Instruction in) {
    return in instanceof Copy c ? c.destination() : ((Add) in).destination();
  }

  private static boolean isArchive(String source) {
    return source.matches(".*\\.(tar|tgz|tar\\.gz|tar\\.bz2|tar\\.xz|txz|tbz2)$");
  }
}
