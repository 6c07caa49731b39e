/**
 * Parses Dockerfiles with BuildKit's semantics into stages and instructions that keep their exact
 * source ranges.
 */
package dev.sizebot.dockerfile;
