/**
 * Aligns base and head layers and computes per-step, file-level and config deltas, telling
 * base-image drift from the change.
 */
package dev.sizebot.diff;
