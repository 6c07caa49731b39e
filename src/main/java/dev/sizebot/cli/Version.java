package dev.sizebot.cli;

import picocli.CommandLine;

/** Reads the version Maven stamped into the jar manifest. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"sizebot " + (v == null ? "dev" : v)};
  }
}
