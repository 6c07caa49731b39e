package dev.sizebot.startup;

/** What one run of the image came to: a measured sample or a failure. */
public sealed interface RunOutcome permits RunSample, StartupFailure {
  /** 1-based number of the run. */
  int run();
}
