package dev.sizebot.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.sizebot.common.SizebotException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything one sizebot run creates — image tags, containers, git worktrees, temp dirs — so it can
 * all be removed at the end, on failure, and on Ctrl-C (a shutdown hook), unless the user asked to
 * keep it. Containers and the pause image also carry {@link DockerEngine#OWNER_LABEL}{@code
 * =runId}, and a final sweep by that label catches any of them a crash left untracked. Built images
 * carry no such label (it would make every rebuild a new image ID): their run-unique tag, tracked
 * before the build starts, is what owns them.
 */
public final class RunResources implements AutoCloseable {
  private static final Pattern TAG_UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");

  /** One thing to undo, described for the "kept …" and problem messages. */
  private record Undo(String what, Runnable action) {}

  private final Optional<DockerClient> docker;
  private final String repository;
  private final String runId;
  private final boolean keep;
  private final Deque<Undo> undo = new ArrayDeque<>();
  private final Set<Process> live = ConcurrentHashMap.newKeySet();
  private final List<String> problems = new ArrayList<>();
  private final List<String> kept = new ArrayList<>();
  private final List<String> untagged = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread hook = new Thread(this::interrupted, "sizebot-cleanup");
  private final Consumer<String> notices;

  private RunResources(
      Optional<DockerClient> docker, String repository, boolean keep, Consumer<String> notices) {
    this.docker = docker;
    this.repository = repository;
    this.keep = keep;
    this.notices = notices;
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    this.runId = HexFormat.of().formatHex(random);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts tracking a run whose images are tagged {@code repository:<runId>-<side>} (tests pass
   * their own prefix, e.g. {@code sizebot-test-build}).
   */
  public static RunResources start(DockerEngine engine, String repository, boolean keep) {
    return start(engine, repository, keep, notice -> {});
  }

  /**
   * As {@link #start(DockerEngine, String, boolean)}; on Ctrl-C the cleanup tells {@code notices}
   * what it did, one line each, because the run's own reporting never gets to run then.
   */
  public static RunResources start(
      DockerEngine engine, String repository, boolean keep, Consumer<String> notices) {
    return new RunResources(Optional.of(engine.client()), repository, keep, notices);
  }

  /** For runs that create no images or containers (e.g. only git worktrees). */
  public static RunResources withoutEngine(boolean keep) {
    return new RunResources(Optional.empty(), "sizebot", keep, notice -> {});
  }

  public String runId() {
    return runId;
  }

  public boolean keep() {
    return keep;
  }

  /** The label every container (and pause image) of this run carries; built images do not. */
  public Map<String, String> ownerLabel() {
    return Map.of(DockerEngine.OWNER_LABEL, runId);
  }

  /** A tag unique to this run for one side, e.g. {@code sizebot:1a2b3c4d5e6f-head}. */
  public String tagFor(String side) {
    return repository + ":" + runId + "-" + TAG_UNSAFE.matcher(side).replaceAll("_");
  }

  public void trackImage(String ref) {
    docker.ifPresent(
        client ->
            register(
                "image " + ref,
                () -> {
                  String id = client.inspectImageCmd(ref).exec().getId();
                  client.removeImageCmd(ref).withForce(true).withNoPrune(false).exec();
                  untagged.add(id);
                }));
  }

  // A tag removed while one of the run's containers still used the image (a Ctrl-C during the
  // startup runs) only untagged it; once the containers are gone, an image left without any tag
  // is removed by ID. One that another tag still names is someone else's and stays.
  private void removeUntagged(DockerClient client) {
    for (String id : untagged) {
      attempt(
          "image " + id,
          () -> {
            List<String> tags = client.inspectImageCmd(id).exec().getRepoTags();
            if (tags == null || tags.isEmpty()) {
              client.removeImageCmd(id).withForce(true).exec();
            }
          });
    }
  }

  public void trackContainer(String id) {
    docker.ifPresent(
        client ->
            register(
                "container " + id,
                () ->
                    client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec()));
  }

  /** A new temp directory, deleted (recursively) at the end. */
  public Path createTempDir(String prefix) {
    Path dir;
    try {
      dir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw SizebotException.environment(
          "cannot create a temp directory: " + e.getMessage() + "; check TMPDIR and free space", e);
    }
    register("directory " + dir, () -> deleteTree(dir));
    return dir;
  }

  /**
   * Registers an undo step for something just created. After {@link #close} (Ctrl-C while the run
   * went on) the step runs at once and the run stops: nothing may outlive the cleanup.
   */
  synchronized void register(String what, Runnable action) {
    if (closed.get()) {
      if (!keep) {
        attempt(what, action);
      }
      throw SizebotException.environment("interrupted: sizebot is shutting down");
    }
    undo.push(new Undo(what, action));
  }

  void trackProcess(Process process) {
    live.add(process);
    if (closed.get()) {
      process.destroyForcibly();
    }
  }

  void untrackProcess(Process process) {
    live.remove(process);
  }

  /** True once {@link #close} has begun (the run ended, or Ctrl-C): nothing new may be made. */
  public boolean closing() {
    return closed.get();
  }

  /** What could not be removed (one line each), for the CLI to warn about after {@link #close}. */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** What was left in place because of {@code keep}. */
  public synchronized List<String> kept() {
    return List.copyOf(kept);
  }

  /** Removes everything, newest first; never throws, so it is safe in finally and in the hook. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    live.forEach(Process::destroyForcibly);
    synchronized (this) {
      // The run's containers go first: an image tag removed while a container still runs the
      // image only untags it, and the image, which carries no owner label, would stay behind.
      if (!keep) {
        sweepLabelledContainers();
      }
      while (!undo.isEmpty()) {
        Undo next = undo.pop();
        if (keep) {
          kept.add(next.what);
        } else {
          attempt(next.what, next.action);
        }
      }
      if (keep) {
        listKeptContainers();
      } else {
        sweepLabelledContainers();
        sweepLabelledImages();
        docker.ifPresent(this::removeUntagged);
      }
    }
    if (Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook is running or will find us closed.
      }
    }
  }

  // The shutdown hook: the JVM is going down (Ctrl-C, SIGTERM) while the run was still going.
  private void interrupted() {
    if (closed.get()) {
      return; // the run closed first and reports for itself
    }
    close();
    notices.accept(
        keep
            ? "interrupted; kept what this run had created (--keep)"
            : "interrupted; removed what this run had created");
    problems().forEach(p -> notices.accept("warning: " + p));
    kept().forEach(k -> notices.accept("kept " + k));
  }

  // Under keep, a container that carries the run's label is one the run left for debugging (a
  // failed startup run's); name it so the user can find it.
  private void listKeptContainers() {
    docker.ifPresent(
        client -> {
          try {
            client
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(ownerLabel())
                .exec()
                .stream()
                .filter(c -> !kept.contains("container " + c.getId())) // tracked: listed already
                .forEach(
                    c -> {
                      String id = c.getId().substring(0, Math.min(12, c.getId().length()));
                      boolean holder =
                          NetworkHolders.ROLE.equals(
                              Optional.ofNullable(c.getLabels())
                                  .map(l -> l.get(NetworkHolders.ROLE_LABEL))
                                  .orElse(null));
                      kept.add(
                          holder
                              ? "container " + id + " (holds the kept runs' network namespace)"
                              : "container "
                                  + id
                                  + " of "
                                  + c.getImage()
                                  + " (docker logs "
                                  + id
                                  + ")");
                    });
          } catch (RuntimeException e) {
            problems.add("could not list the containers kept for this run: " + e.getMessage());
          }
        });
  }

  private void sweepLabelledContainers() {
    docker.ifPresent(
        client ->
            attempt(
                "labelled containers",
                () ->
                    client
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(ownerLabel())
                        .exec()
                        .forEach(
                            c -> client.removeContainerCmd(c.getId()).withForce(true).exec())));
  }

  // The pause image; built images are removed by their tags.
  private void sweepLabelledImages() {
    docker.ifPresent(
        client -> {
          Map<String, String> label = ownerLabel();
          attempt(
              "labelled images",
              () ->
                  client
                      .listImagesCmd()
                      .withLabelFilter(label)
                      .exec()
                      .forEach(i -> client.removeImageCmd(i.getId()).withForce(true).exec()));
        });
  }

  private void attempt(String what, Runnable action) {
    try {
      action.run();
    } catch (NotFoundException e) {
      // Already gone: what we wanted.
    } catch (RuntimeException e) {
      if (!alreadyGone(e)) {
        problems.add("could not remove " + what + ": " + e.getMessage());
      }
    }
  }

  /**
   * dockerd 20.10 answers 500 "unrecognized image ID" (not 404) when an image it has just listed is
   * gone by the time it is removed; gone is what was wanted (seen once in CI, in
   * ComparePairsEngineTest's Ctrl-C case, sweeping the run's pause image).
   */
  static boolean alreadyGone(RuntimeException e) {
    String message = e.getMessage();
    return message != null && message.contains("unrecognized image ID");
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
