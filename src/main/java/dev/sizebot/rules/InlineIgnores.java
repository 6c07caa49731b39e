package dev.sizebot.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code # sizebot ignore=SB101,SB102} comments: each silences the listed rules for the next
 * instruction (the instruction that starts first after the comment), as hadolint's {@code #
 * hadolint ignore=} does. BuildKit drops comments, so they are read from the raw text.
 */
public final class InlineIgnores {
  private static final Pattern COMMENT =
      Pattern.compile("^\\s*#\\s*sizebot\\s+ignore\\s*=\\s*([A-Za-z0-9 ,]+?)\\s*$");

  private record Ignore(int commentLine, Set<String> ids) {}

  private final List<Ignore> ignores;

  private InlineIgnores(List<Ignore> ignores) {
    this.ignores = List.copyOf(ignores);
  }

  public static InlineIgnores parse(String dockerfile) {
    List<Ignore> found = new ArrayList<>();
    String[] lines = dockerfile.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = COMMENT.matcher(lines[i]);
      if (m.matches()) {
        Set<String> ids =
            Arrays.stream(m.group(1).split("[ ,]+"))
                .filter(s -> !s.isBlank())
                .map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        found.add(new Ignore(i + 1, ids));
      }
    }
    return new InlineIgnores(found);
  }

  /** Rule ids named by all ignore comments, to check for typos. */
  public Set<String> mentionedIds() {
    return ignores.stream().flatMap(i -> i.ids().stream()).collect(Collectors.toSet());
  }

  /**
   * True when a comment right before the instruction that holds the finding's first line names the
   * finding's rule.
   *
   * @param instructions every instruction's lines, in file order
   */
  public boolean suppresses(Finding finding, List<LineRange> instructions) {
    for (Ignore ignore : ignores) {
      if (!ignore.ids().contains(finding.ruleId())) {
        continue;
      }
      boolean hit =
          instructions.stream()
              .filter(r -> r.start() > ignore.commentLine())
              .findFirst()
              .map(next -> next.contains(finding.location().start()))
              .orElse(false);
      if (hit) {
        return true;
      }
    }
    return false;
  }
}
