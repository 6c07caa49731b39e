/**
 * Size, caching and security rules over a Dockerfile, optionally confirmed and sized by an image
 * analysis, each finding with its fix.
 */
package dev.sizebot.rules;
