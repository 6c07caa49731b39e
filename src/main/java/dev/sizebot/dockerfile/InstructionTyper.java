package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link Node} into a typed {@link Instruction}, validating arguments and flags as
 * BuildKit's instructions package does and expanding ARG/ENV where BuildKit expands them.
 */
final class InstructionTyper {
  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
  static final Set<String> KEYWORDS =
      Set.of(
          "add",
          "arg",
          "cmd",
          "copy",
          "entrypoint",
          "env",
          "expose",
          "from",
          "healthcheck",
          "label",
          "maintainer",
          "onbuild",
          "run",
          "shell",
          "stopsignal",
          "user",
          "volume",
          "workdir");

  private final String source;
  private final WordLexer lexer;

  InstructionTyper(String source, char escape) {
    this.source = source;
    this.lexer = new WordLexer(escape, false, false);
  }

  /** Types one instruction in a scope whose variables and shell apply to it. */
  Instruction type(Node node, Variables vars, List<String> shell) {
    if (!KEYWORDS.contains(node.keyword())) {
      // BuildKit's line parser keeps an unknown keyword, but its instruction parser refuses the
      // whole file before anything runs; it is almost always a typo, so sizebot stops here too.
      throw ParseErrors.at(
          source,
          node.range().startLine(),
          "unknown instruction: "
              + node.keyword().toUpperCase(Locale.ROOT)
              + " (check the spelling; BuildKit rejects unknown instructions)");
    }
    Optional<FlagRules.Problem> problem = FlagRules.check(node.keyword(), node.flags());
    if (problem.isPresent()) {
      throw InstructionError.at(
          node, problem.get().message(), problem.get().flag(), Optional.empty());
    }
    Expander x = new Expander(node, vars);
    return switch (node.keyword()) {
      case "from" -> from(node, x);
      case "run" -> RunTyper.type(node, x, shell, this);
      case "copy" -> CopyTyper.copy(node, x, this);
      case "add" -> CopyTyper.add(node, x, this);
      case "env" -> new Env(node, pairs(node, x, "ENV"));
      case "label" -> new Label(node, pairs(node, x, "LABEL"));
      case "arg" -> new Arg(node, argEntries(node, x));
      case "user" -> new User(node, x.word(exactlyOne(node, "USER")));
      case "workdir" -> new Workdir(node, x.word(exactlyOne(node, "WORKDIR")));
      case "stopsignal" -> new StopSignal(node, x.word(exactlyOne(node, "STOPSIGNAL")));
      case "maintainer" -> new Maintainer(node, exactlyOne(node, "MAINTAINER"));
      case "cmd" -> new Cmd(node, invocation(node, node.args()));
      case "entrypoint" -> new Entrypoint(node, invocation(node, node.args()));
      case "expose" -> new Expose(node, x.words(atLeastOne(node, "EXPOSE")));
      case "volume" -> new Volume(node, volumes(node, x));
      case "shell" -> new Shell(node, shellArgs(node));
      case "healthcheck" -> HealthcheckTyper.type(node, this);
      case "onbuild" -> onbuild(node, vars, shell);
      default -> throw new IllegalStateException("keyword not in KEYWORDS: " + node.keyword());
    };
  }

  private From from(Node node, Expander x) {
    List<String> args = node.args();
    Optional<String> stageName = Optional.empty();
    if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
      String name = args.get(2).toLowerCase(Locale.ROOT);
      if (!STAGE_NAME.matcher(name).matches()) {
        throw fail(
            node,
            "invalid name for build stage: \""
                + args.get(2)
                + "\", name can't start with a number or contain symbols");
      }
      stageName = Optional.of(name);
    } else if (args.size() != 1) {
      throw fail(node, "FROM requires either one or three arguments (FROM image [AS name])");
    }
    String image = x.word(args.get(0));
    if (image.isEmpty()) {
      throw fail(node, "base name (" + args.get(0) + ") should not be blank");
    }
    return new From(node, image, stageName, node.flag("platform").map(x::word));
  }

  private List<KeyValue> pairs(Node node, Expander x, String name) {
    List<String> args = node.args();
    if (args.isEmpty()) {
      throw fail(node, name + " requires at least one argument");
    }
    List<KeyValue> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < args.size(); i += 3) {
      if (args.get(i).isEmpty()) {
        throw fail(node, name + " names can not be blank");
      }
      pairs.add(new KeyValue(x.word(args.get(i)), x.word(args.get(i + 1))));
    }
    return pairs;
  }

  private List<ArgEntry> argEntries(Node node, Expander x) {
    if (node.args().isEmpty()) {
      throw fail(node, "ARG requires at least one argument");
    }
    List<ArgEntry> entries = new ArrayList<>();
    for (String word : node.args()) {
      int eq = word.indexOf('=');
      if (eq == 0) {
        throw fail(node, "ARG names can not be blank");
      }
      entries.add(
          eq < 0
              ? new ArgEntry(word, Optional.empty())
              : new ArgEntry(word.substring(0, eq), Optional.of(word.substring(eq + 1))));
    }
    // Defaults are expanded by the caller, which knows the ARG scoping rules.
    return entries;
  }

  private Onbuild onbuild(Node node, Variables vars, List<String> shell) {
    Node child =
        node.child().orElseThrow(() -> fail(node, "ONBUILD requires at least one argument"));
    switch (child.keyword()) {
      case "onbuild" -> throw fail(node, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
      case "from", "maintainer" ->
          throw fail(
              node,
              child.keyword().toUpperCase(Locale.ROOT) + " isn't allowed as an ONBUILD trigger");
      default -> {}
    }
    if (!KEYWORDS.contains(child.keyword())) {
      throw InstructionError.whole(
              child, "unknown instruction: " + child.keyword().toUpperCase(Locale.ROOT))
          .inChildBuild(node);
    }
    // Triggers run in the child build, so nothing is expanded with this file's variables, and
    // BuildKit checks them only there (instructions.parseOnBuild looks at the keyword alone).
    try {
      return new Onbuild(node, type(child, Variables.literal(), shell));
    } catch (InstructionError e) {
      throw e.inChildBuild(node);
    }
  }

  private List<String> volumes(Node node, Expander x) {
    List<String> args = atLeastOne(node, "VOLUME");
    List<String> out = new ArrayList<>();
    for (String a : args) {
      String v = x.word(a);
      if (v.isEmpty()) {
        throw fail(node, "VOLUME specified can not be an empty string");
      }
      out.add(v);
    }
    return out;
  }

  private List<String> shellArgs(Node node) {
    if (!node.json()) {
      throw fail(
          node, "SHELL requires the arguments to be in JSON form, e.g. SHELL [\"sh\", \"-c\"]");
    }
    if (node.args().isEmpty()) {
      throw fail(node, "SHELL requires at least one argument");
    }
    return node.args();
  }

  static Invocation invocation(Node node, List<String> args) {
    if (node.json()) {
      return Invocation.exec(args);
    }
    return Invocation.shell(args.isEmpty() ? "" : args.get(0));
  }

  private String exactlyOne(Node node, String name) {
    if (node.args().size() != 1) {
      throw fail(node, name + " requires exactly one argument");
    }
    return node.args().get(0);
  }

  private List<String> atLeastOne(Node node, String name) {
    if (node.args().isEmpty()) {
      throw fail(node, name + " requires at least one argument");
    }
    return node.args();
  }

  /**
   * An instruction BuildKit's parser accepts but whose checks reject it: see {@link BuildError}.
   */
  InstructionError fail(Node node, String message) {
    return InstructionError.whole(node, message);
  }

  /** Expands words of one instruction, reporting lexing errors at its line. */
  final class Expander {
    private final Node node;
    private final Variables vars;

    Expander(Node node, Variables vars) {
      this.node = node;
      this.vars = vars;
    }

    String word(String word) {
      try {
        return lexer.processWord(word, vars);
      } catch (WordLexer.LexException e) {
        throw InstructionError.at(
            node, "failed to process \"" + word + "\": " + e.getMessage(), word, Optional.empty());
      }
    }

    List<String> words(List<String> words) {
      return words.stream().map(this::word).toList();
    }

    String heredocBody(String body) {
      try {
        return WordLexer.forHeredocBody().processWord(body, vars);
      } catch (WordLexer.LexException e) {
        throw fail(node, "failed to expand heredoc: " + e.getMessage());
      }
    }

    Node node() {
      return node;
    }
  }
}
