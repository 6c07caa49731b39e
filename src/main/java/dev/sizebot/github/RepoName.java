package dev.sizebot.github;

import dev.sizebot.common.SizebotException;
import java.util.regex.Pattern;

/** A repository's {@code owner/name}, as GITHUB_REPOSITORY spells it. */
public record RepoName(String owner, String name) {
  // GitHub logins are alphanumerics and hyphens; repository names add '.', '_' and '-'.
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public RepoName {
    if (!PART.matcher(owner).matches() || !PART.matcher(name).matches()) {
      throw SizebotException.invalidInput(
          "repository '" + owner + "/" + name + "' is not a valid owner/name");
    }
  }

  /** Parses {@code owner/name}; {@code source} names where the value came from, for the error. */
  public static RepoName parse(String value, String source) {
    int slash = value.indexOf('/');
    if (slash <= 0 || slash != value.lastIndexOf('/') || slash == value.length() - 1) {
      throw SizebotException.invalidInput(
          source + "='" + value + "' is not owner/name: set it to the repository, e.g. octo/app");
    }
    return new RepoName(value.substring(0, slash), value.substring(slash + 1));
  }

  public String fullName() {
    return owner + "/" + name;
  }

  @Override
  public String toString() {
    return fullName();
  }
}
