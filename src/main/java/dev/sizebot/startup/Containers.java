package dev.sizebot.startup;

import dev.sizebot.common.SizebotException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The containers of the measured runs, created and removed outside the measured windows. Creating
 * and removing a container cost the engine about as much as a short run itself (0.08 s and 0.09 s
 * against a 0.6 s start on the 2-core CI machine), and neither belongs to time-to-ready, so:
 *
 * <ul>
 *   <li>{@link #prepare} creates the coming runs' containers on a background thread while the
 *       caller does other engine work (compare reads the save stream meanwhile, whose first seconds
 *       the engine spends writing a temp dir);
 *   <li>{@link #take} waits until every prepared container exists, so nothing sizebot asks of the
 *       engine runs beside a measured run;
 *   <li>a container that has exited is removed at {@link #close}, all of them at once; one still
 *       running is removed at once, so no server of an earlier run competes with the next.
 * </ul>
 */
final class Containers implements AutoCloseable {
  /** Removals in flight at close: the engine's work per removal is mostly waiting on the disk. */
  private static final int REMOVERS = 4;

  private final ContainerRunner runner;
  private final Map<String, Deque<CompletableFuture<ContainerId>>> ahead = new HashMap<>();
  private final List<ContainerId> exited = new ArrayList<>();
  private CompletableFuture<Void> creating = CompletableFuture.completedFuture(null);

  Containers(ContainerRunner runner) {
    this.runner = runner;
  }

  /** Starts creating {@code runs} containers of each image, in order, on a background thread. */
  synchronized void prepare(List<String> images, int runs) {
    List<Map.Entry<String, CompletableFuture<ContainerId>>> planned = new ArrayList<>();
    for (String image : images) {
      for (int run = 0; run < runs; run++) {
        CompletableFuture<ContainerId> container = new CompletableFuture<>();
        ahead.computeIfAbsent(image, i -> new ArrayDeque<>()).add(container);
        planned.add(Map.entry(image, container));
      }
    }
    CompletableFuture<Void> before = creating;
    creating =
        before.thenRunAsync(
            () -> planned.forEach(p -> create(p.getKey(), p.getValue())),
            runnable -> daemon("sizebot-create-ahead", runnable).start());
  }

  /**
   * A fresh container of {@code image}: a prepared one when there is one left, else created now.
   * Returns only once no preparation is still running.
   */
  ContainerId take(String image) {
    CompletableFuture<ContainerId> prepared;
    CompletableFuture<Void> pending;
    synchronized (this) {
      Deque<CompletableFuture<ContainerId>> queue = ahead.get(image);
      prepared = queue == null ? null : queue.poll();
      pending = creating;
    }
    pending.join(); // never fails: each creation completes its own future
    return prepared == null ? runner.create(image) : unwrap(prepared);
  }

  /** Done with a run's container: removed now if it may still run, else at {@link #close}. */
  void release(ContainerId container, boolean hasExited) {
    if (hasExited) {
      synchronized (this) {
        exited.add(container);
      }
    } else {
      runner.remove(container);
    }
  }

  /**
   * Removes the exited containers and any prepared one no run used, several at a time. Throws the
   * first removal failure (one line, naming the container) after trying them all.
   */
  @Override
  public void close() {
    List<ContainerId> doomed;
    synchronized (this) {
      creating.join();
      doomed = new ArrayList<>(exited);
      exited.clear();
      for (Deque<CompletableFuture<ContainerId>> queue : ahead.values()) {
        for (CompletableFuture<ContainerId> unused : queue) {
          if (!unused.isCompletedExceptionally()) {
            doomed.add(unused.join());
          }
        }
        queue.clear();
      }
    }
    removeAll(doomed);
  }

  private void removeAll(List<ContainerId> doomed) {
    if (doomed.isEmpty()) {
      return;
    }
    ExecutorService removers =
        Executors.newFixedThreadPool(
            Math.min(REMOVERS, doomed.size()), r -> daemon("sizebot-remove", r));
    try {
      List<Future<?>> removals = new ArrayList<>();
      doomed.forEach(c -> removals.add(removers.submit(() -> runner.remove(c))));
      RuntimeException first = null;
      for (Future<?> removal : removals) {
        try {
          removal.get();
        } catch (ExecutionException e) {
          first = first != null ? first : asRuntime(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw SizebotException.environment("interrupted while removing startup containers", e);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      removers.shutdown();
    }
  }

  private void create(String image, CompletableFuture<ContainerId> container) {
    try {
      container.complete(runner.create(image));
    } catch (RuntimeException e) {
      container.completeExceptionally(e);
    }
  }

  private static ContainerId unwrap(CompletableFuture<ContainerId> prepared) {
    try {
      return prepared.join();
    } catch (CompletionException e) {
      throw asRuntime(e.getCause());
    }
  }

  private static RuntimeException asRuntime(Throwable cause) {
    return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
  }

  private static Thread daemon(String name, Runnable runnable) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
