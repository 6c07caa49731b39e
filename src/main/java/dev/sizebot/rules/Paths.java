package dev.sizebot.rules;

import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Stage;
import dev.sizebot.dockerfile.Workdir;

/** Container paths as instructions see them: relative ones resolve against the WORKDIR. */
final class Paths {
  private Paths() {}

  /** The WORKDIR in effect just before {@code at} (within its stage; "/" when none). */
  static String workdirBefore(Stage stage, Instruction at) {
    String dir = "/";
    for (Instruction in : stage.instructions()) {
      if (in.range().startLine() >= at.range().startLine()) {
        break;
      }
      if (in instanceof Workdir w) {
        dir = resolve(dir, w.path());
      }
    }
    return dir;
  }

  /** {@code path} resolved against {@code dir}, normalized, without a trailing slash. */
  static String resolve(String dir, String path) {
    String joined = path.startsWith("/") ? path : dir + "/" + path;
    StringBuilder out = new StringBuilder();
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String part : joined.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    parts.forEach(p -> out.append('/').append(p));
    return out.length() == 0 ? "/" : out.toString();
  }

  /** Whether {@code path} is {@code dir} or lies below it. */
  static boolean within(String path, String dir) {
    return path.equals(dir) || dir.equals("/") || path.startsWith(dir + "/");
  }
}
