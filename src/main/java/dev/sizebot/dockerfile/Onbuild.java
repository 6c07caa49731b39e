package dev.sizebot.dockerfile;

import java.util.Objects;

/**
 * {@code ONBUILD instruction}: a trigger for images built FROM this one. The trigger is typed but
 * not expanded (it runs in the child build's context); it shares this instruction's range.
 */
public record Onbuild(Node node, Instruction trigger) implements Instruction {
  public Onbuild {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(trigger, "trigger");
  }
}
