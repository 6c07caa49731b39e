package dev.sizebot.diff;

/** How a base step and a head step were paired by {@link StepAlignment}. */
public enum Match {
  /** Same layer digest (or, for empty-layer steps, the same instruction): nothing changed. */
  UNCHANGED,
  /** Same instruction, different layer content. */
  CHANGED,
  /** A similar instruction in the same place: the step was edited. */
  EDITED,
  /** Only in head. */
  ADDED,
  /** Only in base. */
  REMOVED
}
