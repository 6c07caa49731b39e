/**
 * picocli commands that wire the packages together; the only place that reads the environment or
 * prints.
 */
package dev.sizebot.cli;
