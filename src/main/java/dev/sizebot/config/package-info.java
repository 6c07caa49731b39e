/**
 * What to measure and how to judge it: {@code .github/sizebot.yml} and the action's inputs, read
 * into one validated configuration value, with errors that name the file, line, key and allowed
 * values.
 */
package dev.sizebot.config;
