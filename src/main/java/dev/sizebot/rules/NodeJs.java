package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;

/** How Node package managers show up in RUN commands. */
final class NodeJs {
  static final String NPM_CACHE = "/root/.npm";
  static final String YARN_CACHE = "/usr/local/share/.cache/yarn";

  private NodeJs() {}

  /**
   * {@code npm ci} or a project-wide {@code npm install} ({@code npm i}) — not one that adds named
   * packages or installs globally.
   */
  static boolean isNpmProjectInstall(ShellCommand c) {
    if (!c.isProgram("npm") || c.arguments().isEmpty()) {
      return false;
    }
    String verb = c.arguments().get(0);
    if (verb.equals("ci") || verb.equals("clean-install")) {
      return true;
    }
    boolean install = verb.equals("install") || verb.equals("i");
    boolean global = c.hasArgument("-g") || c.hasArgument("--global");
    boolean named = c.arguments().stream().skip(1).anyMatch(a -> !a.startsWith("-"));
    return install && !global && !named;
  }

  /** {@code yarn} alone or {@code yarn install}. */
  static boolean isYarnInstall(ShellCommand c) {
    return c.isProgram("yarn")
        && (c.arguments().isEmpty()
            || c.arguments().get(0).equals("install")
            || c.arguments().get(0).startsWith("-"));
  }

  static boolean isNpmProjectInstallWithDev(ShellCommand c) {
    return isNpmProjectInstall(c)
        && !c.hasArgument("--omit")
        && !c.hasArgument("--production")
        && !c.hasArgument("--only")
        && !c.hasArgument("--prod");
  }
}
