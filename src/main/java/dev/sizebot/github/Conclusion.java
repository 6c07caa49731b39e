package dev.sizebot.github;

/** A check's conclusion from the verdict: pass → success, warn → neutral, fail → failure. */
public enum Conclusion {
  SUCCESS,
  NEUTRAL,
  FAILURE
}
