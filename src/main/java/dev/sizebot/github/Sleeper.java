package dev.sizebot.github;

import java.time.Duration;

/** Waits between retries; tests inject one that records the wait instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
