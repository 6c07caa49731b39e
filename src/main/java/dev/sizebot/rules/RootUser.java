package dev.sizebot.rules;

import dev.sizebot.dockerfile.Add;
import dev.sizebot.dockerfile.Copy;
import dev.sizebot.dockerfile.Instruction;
import dev.sizebot.dockerfile.Run;
import dev.sizebot.dockerfile.ShellCommand;
import dev.sizebot.dockerfile.Stage;
import dev.sizebot.dockerfile.User;
import dev.sizebot.dockerfile.Workdir;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** SB302: the final stage runs its process as root. */
final class RootUser implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB302",
          Severity.WARNING,
          "final stage runs as root",
          "A process running as root inside the container turns any escape or mounted-volume"
              + " mistake into root on the host's files; a numeric non-root USER costs nothing.",
          List.of("DL3002", "DS002"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    Stage last = input.dockerfile().finalStage();
    Optional<User> user = lastUser(input);
    if (user.isPresent() && !isRoot(user.get().user())) {
      return List.of();
    }
    ImageName base = ImageName.parse(last.from().image());
    if (user.isEmpty() && base.tag().filter(t -> t.contains("nonroot")).isPresent()) {
      return List.of(); // distroless :nonroot images set a non-root user themselves
    }
    Instruction at = user.<Instruction>map(u -> u).orElse(last.from());
    String message =
        user.isPresent()
            ? "USER "
                + user.get().user()
                + " at line "
                + at.range().startLine()
                + " leaves the final stage running as root"
            : "the final stage (line " + at.range().startLine() + ") never sets a non-root USER";
    Finding finding = INFO.at(Lines.of(at), message);
    return List.of(
        finding.withFix(fix(last, createdUser(last).orElseGet(() -> nonRootUser(base)))));
  }

  /** The last USER of the final stage, or of the stages it is built FROM. */
  private static Optional<User> lastUser(LintInput input) {
    Stage stage = input.dockerfile().finalStage();
    while (true) {
      List<User> users = stage.all(User.class);
      if (!users.isEmpty()) {
        return Optional.of(users.get(users.size() - 1));
      }
      if (!ImageName.isStage(input.dockerfile(), stage.from())) {
        return Optional.empty();
      }
      stage = input.dockerfile().stage(stage.from().image()).orElseThrow();
    }
  }

  static boolean isRoot(String user) {
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    return name.equals("root") || name.equals("0");
  }

  /**
   * The user the stage itself creates ({@code useradd … NAME}, {@code adduser … NAME}), last one
   * wins: running as another UID would leave the process without the files made for that user.
   */
  private static Optional<String> createdUser(Stage stage) {
    Optional<String> created = Optional.empty();
    for (Run run : stage.all(Run.class)) {
      for (ShellCommand c : run.commands()) {
        if (c.isProgram("useradd") || c.isProgram("adduser")) {
          created = userName(c.arguments());
        }
      }
    }
    return created;
  }

  // The name is the last word, unless that word is the value of an option (useradd -s /bin/sh).
  private static Optional<String> userName(List<String> args) {
    if (args.isEmpty()) {
      return Optional.empty();
    }
    String last = args.get(args.size() - 1);
    String before = args.size() > 1 ? args.get(args.size() - 2) : "";
    boolean optionValue =
        before.startsWith("-") && !before.contains("=") && !FLAGS.contains(before);
    return USER_NAME.matcher(last).matches() && !optionValue ? Optional.of(last) : Optional.empty();
  }

  // POSIX user names (useradd's default NAME_REGEX), and the options of useradd/adduser that take
  // no value, so the word after them can be the name.
  private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_-]*[$]?");
  private static final Set<String> FLAGS =
      Set.of(
          "-l",
          "--no-log-init",
          "-m",
          "--create-home",
          "-M",
          "--no-create-home",
          "-r",
          "--system",
          "-N",
          "--no-user-group",
          "-U",
          "--user-group",
          "-D",
          "-S",
          "-H",
          "--disabled-password",
          "--disabled-login");

  private static String nonRootUser(ImageName base) {
    String name = base.official().orElse(base.repository());
    if (name.equals("node")) {
      return "node"; // the node images create it (uid 1000)
    }
    return base.repository().contains("distroless") ? "nonroot" : "10001:10001";
  }

  // The USER goes after the last instruction that builds files, so installs still run as root.
  private static Fix fix(Stage stage, String user) {
    List<Instruction> all = stage.withFrom();
    int lastBuild = 0;
    for (int i = 0; i < all.size(); i++) {
      Instruction in = all.get(i);
      if (in instanceof Run
          || in instanceof Copy
          || in instanceof Add
          || in instanceof Workdir
          || in instanceof User) {
        lastBuild = i;
      }
    }
    Instruction anchor = all.get(lastBuild);
    String line = "USER " + user;
    return new Fix.Replacement(
        "run as a non-root user from here on", Lines.of(anchor), anchor.text() + "\n" + line);
  }
}
