package dev.sizebot.github;

/**
 * What posting review suggestions did: how many were posted (in one review), how many were left out
 * because the PR did not change their lines, and how many an earlier run had already posted.
 */
public record SuggestionResult(int posted, int outsideChangedLines, int alreadyPosted) {}
