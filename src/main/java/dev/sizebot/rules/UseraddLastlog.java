package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SB115: {@code useradd} with a large UID and without {@code -l}/{@code --no-log-init}. */
final class UseraddLastlog implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "SB115",
          Severity.WARNING,
          "useradd with a large UID bloats /var/log/lastlog",
          "useradd records the user in /var/log/lastlog and faillog at an offset of UID times"
              + " the record size; image layers store that sparse file in full, so a six-digit"
              + " UID adds tens or hundreds of MB. -l (--no-log-init) skips it.",
          List.of("DL3046"));

  // hadolint's threshold: a UID of more than five digits.
  private static final long LARGE_UID = 100_000;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(LintInput input) {
    List<Finding> findings = new ArrayList<>();
    for (StageRun run : StageRun.shipping(input.dockerfile())) {
      Optional<Long> uid =
          run.commandsOf("useradd").stream()
              .filter(c -> !c.hasArgument("-l") && !c.hasArgument("--no-log-init"))
              .map(UseraddLastlog::uid)
              .flatMap(Optional::stream)
              .filter(u -> u >= LARGE_UID)
              .findFirst();
      if (uid.isEmpty()) {
        continue;
      }
      Finding finding =
          INFO.at(
              run.lines(),
              "useradd at line " + run.line() + " creates UID " + uid.get() + " without -l");
      Finding fixed =
          run.withEdit(
              finding,
              "add -l (--no-log-init)",
              t ->
                  t.withScript(
                      ScriptEdit.addFlagUnless(
                          t.script(), "useradd", "useradd", "-l", "-l|--no-log-init")));
      findings.add(Proof.bytesUnder(fixed, input.evidence(), run.line(), "/var/log/lastlog"));
    }
    return findings;
  }

  private static Optional<Long> uid(ShellCommand c) {
    List<String> args = c.arguments();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String value = null;
      if ((a.equals("-u") || a.equals("--uid")) && i + 1 < args.size()) {
        value = args.get(i + 1);
      } else if (a.startsWith("--uid=")) {
        value = a.substring(6);
      } else if (a.startsWith("-u") && a.length() > 2) {
        value = a.substring(2);
      }
      if (value != null && value.matches("\\d{1,18}")) {
        return Optional.of(Long.parseLong(value));
      }
    }
    return Optional.empty();
  }
}
