package dev.sizebot.rules;

import dev.sizebot.common.ImageRef;
import dev.sizebot.dockerfile.Dockerfile;
import dev.sizebot.dockerfile.From;
import java.util.Optional;

/**
 * A FROM image as written ({@code python:3.12}, {@code ${BASE}}, {@code ghcr.io/x/y@sha256:…}),
 * split without validation: rules also look at references that still hold ARG variables.
 */
record ImageName(String repository, Optional<String> tag, boolean pinnedByDigest) {
  static ImageName parse(String text) {
    ImageRef.Parts parts = ImageRef.Parts.split(text);
    return new ImageName(parts.name(), parts.tag(), parts.digest().isPresent());
  }

  /** The image as the FROM line wrote it (before ARG expansion). */
  static ImageName raw(From from) {
    return parse(from.node().args().isEmpty() ? from.image() : from.node().args().get(0));
  }

  /** Whether a FROM names an earlier stage of the same file rather than an image. */
  static boolean isStage(Dockerfile dockerfile, From from) {
    return dockerfile.stages().stream()
        .anyMatch(
            s ->
                s.name().isPresent()
                    && s.name().get().equalsIgnoreCase(from.image())
                    && s.from().range().startLine() < from.range().startLine());
  }

  /** The Docker Hub official-image name ({@code python}) when this is one, else empty. */
  Optional<String> official() {
    String r = repository;
    for (String prefix :
        new String[] {"docker.io/library/", "index.docker.io/library/", "library/"}) {
      if (r.startsWith(prefix)) {
        r = r.substring(prefix.length());
      }
    }
    return r.contains("/") ? Optional.empty() : Optional.of(r);
  }

  boolean hasVariables() {
    return repository.contains("$") || tag.filter(t -> t.contains("$")).isPresent();
  }

  String withTag(String newTag) {
    return repository + ":" + newTag;
  }

  /**
   * The FROM instruction's text with its image token replaced by {@code image}: the first
   * occurrence after the keyword, so flags and {@code AS name} stay as written.
   */
  static Optional<String> replaceImage(From from, String image) {
    String text = from.text();
    String token = from.node().args().isEmpty() ? "" : from.node().args().get(0);
    int keyword = text.toUpperCase(java.util.Locale.ROOT).indexOf("FROM");
    int at = token.isEmpty() || keyword < 0 ? -1 : text.indexOf(token, keyword + 4);
    if (at < 0) {
      return Optional.empty();
    }
    return Optional.of(text.substring(0, at) + image + text.substring(at + token.length()));
  }
}
