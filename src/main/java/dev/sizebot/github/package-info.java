/**
 * Adapter to GitHub: Actions context, sticky comment, check run, review suggestions, audit issue,
 * outputs and job summary.
 */
package dev.sizebot.github;
