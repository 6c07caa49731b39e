package dev.sizebot.docker;

import dev.sizebot.common.SizebotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's git repository, used read-only except for worktree bookkeeping and fetches: finds the
 * PR's merge-base (deepening a shallow clone when needed) and checks commits out into worktrees of
 * their own. Runs the git CLI, as the user's credentials and config expect.
 */
public final class GitRepo {
  private static final Duration LOCAL = Duration.ofSeconds(60);
  private static final Duration NETWORK = Duration.ofMinutes(5);
  // Deepen a shallow clone in bounded steps before fetching all history.
  private static final List<Integer> DEEPEN_STEPS = List.of(100, 1000);

  private final Path root;

  private GitRepo(Path root) {
    this.root = root;
  }

  /** The repository containing {@code dir}; invalid input (exit 2) when there is none. */
  public static GitRepo open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw SizebotException.invalidInput(dir + " is not a directory");
    }
    ExternalCommand.Outcome top = run(dir, LOCAL, "rev-parse", "--show-toplevel");
    if (top.stderr().contains("dubious ownership")) {
      throw SizebotException.environment(
          "git refuses "
              + dir
              + " because another user owns it: run sizebot from the repository's top directory"
              + " or add it with 'git config --global --add safe.directory <dir>'");
    }
    if (!top.ok()) {
      throw SizebotException.invalidInput(
          dir + " is not inside a git repository (" + top.lastErrorLine() + ")");
    }
    return new GitRepo(Path.of(top.out()));
  }

  public Path root() {
    return root;
  }

  public boolean isShallow() {
    return git(LOCAL, "rev-parse", "--is-shallow-repository").out().equals("true");
  }

  /**
   * Resolves the PR's merge-base with {@code baseRef} and its head commit, fetching from the remote
   * what a shallow or partial clone lacks (bounded), or an environment error (exit 3) saying how to
   * get the history.
   */
  public ComparedCommits compare(String baseRef, String headRef) {
    String base = resolve(baseRef);
    String head = resolve(headRef);
    Optional<String> mergeBase = mergeBase(base, head);
    if (mergeBase.isEmpty() && isShallow()) {
      mergeBase =
          deepenUntilMergeBase(base, head, List.of(remoteName(baseRef), remoteName(headRef)));
    }
    String found =
        mergeBase.orElseThrow(
            () ->
                SizebotException.environment(
                    "no merge-base of "
                        + baseRef
                        + " and "
                        + headRef
                        + " in "
                        + root
                        + (isShallow()
                            ? ": the clone is shallow and fetching more history did not reach it;"
                                + " check out with full history (actions/checkout: fetch-depth: 0)"
                            : ": they share no history; compare refs of the same project")));
    return new ComparedCommits(baseRef, found, headRef, head);
  }

  /** The full commit id of {@code ref}, fetched from the remote when it is not here. */
  public String resolve(String ref) {
    if (ref.isBlank() || ref.startsWith("-")) {
      throw SizebotException.invalidInput("not a git ref: '" + ref + "'");
    }
    Optional<String> local = commitOf(ref);
    if (local.isPresent()) {
      return local.get();
    }
    Optional<String> remote = remote();
    if (remote.isPresent()) {
      Optional<String> tracking = commitOf(remote.get() + "/" + ref);
      if (tracking.isPresent()) {
        return tracking.get();
      }
      List<String> fetch = new ArrayList<>(List.of("fetch", "--no-tags", "--quiet"));
      if (isShallow()) {
        fetch.add("--depth=" + DEEPEN_STEPS.get(0));
      }
      fetch.addAll(List.of(remote.get(), ref));
      if (git(NETWORK, fetch.toArray(String[]::new)).ok()) {
        Optional<String> fetched = commitOf("FETCH_HEAD");
        if (fetched.isPresent()) {
          return fetched.get();
        }
      }
    }
    throw SizebotException.invalidInput(
        "git ref '"
            + ref
            + "' is not in "
            + root
            + remote.map(r -> " nor on remote " + r).orElse("")
            + "; check the branch name or fetch it");
  }

  /**
   * Checks {@code commit} out, detached, in a new temp directory; {@code run} removes the worktree
   * (and its git bookkeeping) at the end.
   */
  public Worktree checkout(String commit, RunResources run) {
    Path dir = run.createTempDir("sizebot-wt-");
    run.register("git worktree " + dir, () -> removeWorktree(dir));
    ExternalCommand.Outcome added =
        git(NETWORK, "worktree", "add", "--detach", "--quiet", dir.toString(), commit);
    if (!added.ok()) {
      throw SizebotException.environment(
          "cannot check out " + commit + " into a git worktree: " + added.lastErrorLine());
    }
    return new Worktree(root, dir, commit);
  }

  private Optional<String> deepenUntilMergeBase(String base, String head, List<String> refs) {
    String remote =
        remote()
            .orElseThrow(
                () ->
                    SizebotException.environment(
                        "the clone in " + root + " is shallow and has no remote to fetch from"));
    List<List<String>> attempts = new ArrayList<>();
    DEEPEN_STEPS.forEach(n -> attempts.add(List.of("--deepen=" + n)));
    attempts.add(List.of("--unshallow"));
    for (List<String> attempt : attempts) {
      fetch(remote, attempt, refs);
      Optional<String> found = mergeBase(base, head);
      if (found.isPresent() || !isShallow()) {
        return found;
      }
    }
    return Optional.empty();
  }

  // Fetch the compared refs when the remote knows them by these names, else its default refspec.
  private void fetch(String remote, List<String> depth, List<String> refs) {
    List<String> args = new ArrayList<>(List.of("fetch", "--no-tags", "--quiet"));
    args.addAll(depth);
    args.add(remote);
    List<String> named = new ArrayList<>(args);
    named.addAll(refs);
    if (!git(NETWORK, named.toArray(String[]::new)).ok()) {
      git(NETWORK, args.toArray(String[]::new));
    }
  }

  /**
   * The text of {@code path} (relative to the repository's top) at {@code commit}, or empty when
   * the commit has no such file. Read from git's objects, so it is the commit's version even when
   * the working tree holds another (actions/checkout checks out the PR's merge commit).
   */
  public Optional<String> show(String commit, String path) {
    ExternalCommand.Outcome outcome = git(LOCAL, "show", commit + ":" + path);
    // stdout as it is: stripping would move no line, but a file's final newline is its own.
    return outcome.ok() ? Optional.of(outcome.stdout()) : Optional.empty();
  }

  private Optional<String> mergeBase(String base, String head) {
    ExternalCommand.Outcome outcome = git(LOCAL, "merge-base", base, head);
    return outcome.ok() ? Optional.of(outcome.out()) : Optional.empty();
  }

  private Optional<String> commitOf(String ref) {
    ExternalCommand.Outcome outcome =
        git(LOCAL, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    return outcome.ok() ? Optional.of(outcome.out()) : Optional.empty();
  }

  // "origin" when present (what clones and actions/checkout name it), else the first remote.
  private Optional<String> remote() {
    List<String> remotes = git(LOCAL, "remote").out().lines().map(String::strip).toList();
    return remotes.contains("origin") ? Optional.of("origin") : remotes.stream().findFirst();
  }

  private String remoteName(String ref) {
    return remote()
        .filter(r -> ref.startsWith(r + "/"))
        .map(r -> ref.substring(r.length() + 1))
        .orElse(ref);
  }

  private void removeWorktree(Path dir) {
    git(LOCAL, "worktree", "remove", "--force", dir.toString());
    git(LOCAL, "worktree", "prune");
  }

  private ExternalCommand.Outcome git(Duration timeout, String... args) {
    return run(root, timeout, args);
  }

  private static ExternalCommand.Outcome run(Path dir, Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    return ExternalCommand.run(command, dir, environment(dir), timeout);
  }

  private static Map<String, String> environment(Path dir) {
    Map<String, String> env = new HashMap<>();
    env.put("GIT_TERMINAL_PROMPT", "0"); // never wait for a password on a terminal
    env.put("GIT_OPTIONAL_LOCKS", "0"); // never refresh the user's index as a side effect
    env.put("LC_ALL", "C"); // messages we quote stay in one language
    // Command-scope config (git >= 2.31). The user named this repository, so trust it even when
    // another uid owns it (a workspace mounted into the action's container), and run none of its
    // hooks in sizebot's own worktrees.
    env.put("GIT_CONFIG_COUNT", "2");
    env.put("GIT_CONFIG_KEY_0", "safe.directory");
    env.put("GIT_CONFIG_VALUE_0", dir.toAbsolutePath().normalize().toString());
    env.put("GIT_CONFIG_KEY_1", "core.hooksPath");
    env.put("GIT_CONFIG_VALUE_1", "/dev/null");
    return env;
  }
}
