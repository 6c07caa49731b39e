/**
 * The GitHub jobs ({@code pr}, {@code publish}, {@code merge}): measure every configured image,
 * judge it, write the step's files and publish one report value to GitHub; {@code cli} only wires.
 */
package dev.sizebot.pipeline;
