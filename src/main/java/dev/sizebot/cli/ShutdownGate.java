package dev.sizebot.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * sizebot's stdout and stderr, closed to the run's own threads once the JVM starts shutting down
 * (Ctrl-C, SIGTERM). By then the cleanup hook is removing the images and containers the run was
 * working on, and whatever the run prints next describes that removal, not the images: "image … is
 * not in the Docker engine", or a startup "failure". The hook's own notices pass ({@link
 * #passing}). The gate shuts in a hook of its own, which the JVM starts together with the cleanup
 * hook; the cleanup's first engine call takes far longer than that.
 */
final class ShutdownGate extends Writer {
  private static volatile boolean shut;
  private static final ThreadLocal<Boolean> PASSING = ThreadLocal.withInitial(() -> false);

  private final Writer target;

  private ShutdownGate(Writer target) {
    this.target = target;
  }

  /** Gates {@code target}; the gate shuts when the JVM begins to shut down. */
  static Writer around(Writer target) {
    return new ShutdownGate(target);
  }

  static void install() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shut = true, "sizebot-gate"));
  }

  /** Runs {@code write} with the gate open to it, for what the cleanup hook has to say. */
  static void passing(Runnable write) {
    PASSING.set(true);
    try {
      write.run();
    } finally {
      PASSING.set(false);
    }
  }

  private boolean open() {
    return !shut || PASSING.get();
  }

  @Override
  public void write(char[] chars, int off, int len) throws IOException {
    if (open()) {
      target.write(chars, off, len);
    }
  }

  @Override
  public void flush() throws IOException {
    if (open()) {
      target.flush();
    }
  }

  @Override
  public void close() throws IOException {
    target.close();
  }
}
