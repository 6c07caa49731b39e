package dev.sizebot.image;

import dev.sizebot.common.ExitCode;
import dev.sizebot.common.SizebotException;

/**
 * A source holds several images and the selector named none. The image package states the fact and
 * the refs to choose from; how to name one is the command line's business ({@code ARCHIVE#REF} in
 * {@code cli}), so it is not spelled here.
 */
public final class SeveralImages extends SizebotException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String exampleRef;
  private final String fact;

  SeveralImages(String source, String fact, String exampleRef) {
    super(ExitCode.INVALID_INPUT, fact + ": choose one by its reference, e.g. " + exampleRef);
    this.source = source;
    this.fact = fact;
    this.exampleRef = exampleRef;
  }

  /** The archive or layout as the reader named it. */
  public String source() {
    return source;
  }

  /** What the source holds, e.g. {@code app.tar holds 2 images (app:1, app:2)}. */
  public String fact() {
    return fact;
  }

  /** A reference that picks one of the images of this source. */
  public String exampleRef() {
    return exampleRef;
  }
}
