package dev.sizebot.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sizebot.common.Digest;
import dev.sizebot.common.SizebotException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An OCI image layout's {@code index.json} (OCI image spec, image-layout.md and image-index.md):
 * manifests named by {@code org.opencontainers.image.ref.name} / {@code io.containerd.image.name},
 * possibly behind nested indexes with one manifest per platform.
 */
final class OciIndex {
  private static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final String CONTAINERD_NAME = "io.containerd.image.name";
  private static final int MAX_DEPTH = 4;

  private record Candidate(List<String> names, Digest manifest, Optional<String> platform) {}

  private final ArchiveFiles files;
  private final List<Candidate> candidates = new ArrayList<>();

  OciIndex(ArchiveFiles files, JsonNode index) {
    this.files = files;
    collect(index, List.of(), 0, files.name() + ": index.json");
    if (candidates.isEmpty()) {
      throw SizebotException.invalidInput(files.name() + ": index.json lists no image manifests");
    }
  }

  ImageAssembly.Assembled read(ImageSelector selector) {
    Candidate chosen = byPlatform(byRef(selector), selector.platform());
    JsonNode manifest = manifest(chosen.manifest());
    String where = files.name() + ": manifest " + chosen.manifest().shortHex();
    JsonNode config = manifest.path("config");
    if (!config.path("digest").isTextual() || !manifest.path("layers").isArray()) {
      throw SizebotException.invalidInput(
          where + " has no config or layers: not an image manifest");
    }
    List<ImageAssembly.LayerRef> refs = new ArrayList<>();
    for (JsonNode layer : manifest.path("layers")) {
      Digest digest = Digest.parse(layer.path("digest").asText());
      refs.add(
          new ImageAssembly.LayerRef(
              ImageAssembly.blobPath(digest),
              Optional.of(digest),
              Optional.ofNullable(layer.path("mediaType").textValue())));
    }
    String configPath = ImageAssembly.blobPath(Digest.parse(config.path("digest").asText()));
    return ImageAssembly.assemble(files, displayNames(chosen.names()), configPath, refs);
  }

  private void collect(JsonNode index, List<String> names, int depth, String where) {
    JsonNode manifests = index.path("manifests");
    if (!index.isObject() || !manifests.isArray()) {
      throw SizebotException.invalidInput(where + " has no manifests list: not an OCI index");
    }
    for (JsonNode d : manifests) {
      if (isAttestation(d)) {
        continue;
      }
      Digest digest = Digest.parse(d.path("digest").asText());
      List<String> own = names(d, names);
      JsonNode target = ImageAssembly.parseJson(files, ImageAssembly.blobPath(digest), "manifest");
      if (target.path("manifests").isArray()) {
        if (depth >= MAX_DEPTH) {
          throw SizebotException.invalidInput(where + " nests indexes too deep");
        }
        collect(target, own, depth + 1, files.name() + ": index " + digest.shortHex());
      } else {
        candidates.add(new Candidate(own, digest, platform(d.path("platform"))));
      }
    }
  }

  private static boolean isAttestation(JsonNode d) {
    return "attestation-manifest"
            .equals(d.path("annotations").path("vnd.docker.reference.type").textValue())
        || "unknown".equals(d.path("platform").path("os").textValue());
  }

  private static List<String> names(JsonNode descriptor, List<String> inherited) {
    JsonNode annotations = descriptor.path("annotations");
    Set<String> names = new LinkedHashSet<>(inherited);
    for (String key : new String[] {CONTAINERD_NAME, REF_NAME}) {
      String value = annotations.path(key).textValue();
      if (value != null && !value.isBlank()) {
        names.add(value);
      }
    }
    return List.copyOf(names);
  }

  private static Optional<String> platform(JsonNode p) {
    if (!p.path("os").isTextual() || !p.path("architecture").isTextual()) {
      return Optional.empty();
    }
    String variant = p.path("variant").asText("");
    return Optional.of(
        p.path("os").asText()
            + "/"
            + p.path("architecture").asText()
            + (variant.isEmpty() ? "" : "/" + variant));
  }

  private List<Candidate> byRef(ImageSelector selector) {
    if (selector.ref().isEmpty()) {
      Set<List<String>> groups = new LinkedHashSet<>();
      candidates.forEach(c -> groups.add(c.names()));
      if (groups.size() > 1) {
        throw new SeveralImages(
            files.name(),
            files.name() + " holds several images (" + refList() + ")",
            ref(candidates.get(0)));
      }
      return candidates;
    }
    String wanted = selector.ref().get();
    List<Candidate> matching = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.names().stream().anyMatch(n -> RefNames.matches(wanted, n))
          || RefNames.matchesId(wanted, c.manifest())) {
        matching.add(c);
      }
    }
    if (matching.isEmpty()) {
      throw SizebotException.invalidInput(
          "image '" + wanted + "' is not in " + files.name() + " (it holds: " + refList() + ")");
    }
    return matching;
  }

  private Candidate byPlatform(List<Candidate> choices, String wanted) {
    if (choices.size() == 1) {
      return choices.get(0);
    }
    List<String> seen = new ArrayList<>();
    for (Candidate c : choices) {
      String platform = c.platform().orElseGet(() -> configPlatform(c.manifest()));
      seen.add(platform);
      if (platformMatches(wanted, platform)) {
        return c;
      }
    }
    throw SizebotException.invalidInput(
        files.name()
            + " has no image for platform "
            + wanted
            + " (it has: "
            + String.join(", ", seen)
            + "): pass --platform");
  }

  /** {@code linux/arm64} matches {@code linux/arm64/v8}; a wanted variant must match exactly. */
  static boolean platformMatches(String wanted, String actual) {
    String[] w = wanted.split("/");
    String[] a = actual.split("/");
    if (w.length < 2 || a.length < 2 || !w[0].equals(a[0]) || !w[1].equals(a[1])) {
      return false;
    }
    return w.length < 3 || a.length >= 3 && w[2].equals(a[2]);
  }

  private String configPlatform(Digest manifestDigest) {
    JsonNode config = manifest(manifestDigest).path("config");
    String path = ImageAssembly.blobPath(Digest.parse(config.path("digest").asText()));
    JsonNode root = ImageAssembly.parseJson(files, path, "config");
    String variant = root.path("variant").asText("");
    return root.path("os").asText("?")
        + "/"
        + root.path("architecture").asText("?")
        + (variant.isEmpty() ? "" : "/" + variant);
  }

  private JsonNode manifest(Digest digest) {
    return ImageAssembly.parseJson(files, ImageAssembly.blobPath(digest), "manifest");
  }

  /**
   * The names to show: full references, shortened as docker shows them ({@code
   * docker.io/library/app:1} → {@code app:1}); a bare tag annotation only when nothing else names
   * the image.
   */
  static List<String> displayNames(List<String> names) {
    Set<String> full = new LinkedHashSet<>();
    for (String name : names) {
      if (name.contains(":") || name.contains("/")) {
        full.add(RefNames.shorten(name));
      }
    }
    return full.isEmpty() ? names : List.copyOf(full);
  }

  /** A ref that picks this candidate: its first display name, else its manifest digest prefix. */
  private static String ref(Candidate c) {
    return c.names().isEmpty() ? c.manifest().shortHex() : displayNames(c.names()).get(0);
  }

  private String refList() {
    Set<String> names = new LinkedHashSet<>();
    for (Candidate c : candidates) {
      names.add(
          c.names().isEmpty()
              ? c.manifest().shortHex() + " (unnamed)"
              : displayNames(c.names()).get(0));
    }
    return String.join(", ", names);
  }
}
