/**
 * Stacks layers into the final filesystem and measures what is wasted: reclaimable bytes,
 * duplicates and dive-compatible metrics.
 */
package dev.sizebot.analysis;
