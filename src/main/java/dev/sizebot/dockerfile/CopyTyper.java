package dev.sizebot.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Types COPY and ADD: sources, destination, flags and heredoc sources, expanded. */
final class CopyTyper {
  private CopyTyper() {}

  static Copy copy(Node node, InstructionTyper.Expander x, InstructionTyper typer) {
    Parts p = parts(node, x, typer);
    return new Copy(
        node,
        p.sources,
        p.destination,
        node.flag("from").map(x::word),
        node.flag("chown").map(x::word),
        node.flag("chmod").map(x::word),
        FlagRules.isOn(node, "link"),
        x.words(node.flagValues("exclude")),
        p.contents);
  }

  static Add add(Node node, InstructionTyper.Expander x, InstructionTyper typer) {
    Parts p = parts(node, x, typer);
    return new Add(
        node,
        p.sources,
        p.destination,
        node.flag("chown").map(x::word),
        node.flag("chmod").map(x::word),
        FlagRules.isOn(node, "link"),
        node.flag("checksum").map(x::word),
        x.words(node.flagValues("exclude")),
        p.contents);
  }

  private record Parts(List<String> sources, String destination, List<Heredoc> contents) {}

  private static Parts parts(Node node, InstructionTyper.Expander x, InstructionTyper typer) {
    String name = node.keyword().toUpperCase(Locale.ROOT);
    List<String> args = node.args();
    if (args.size() < 2) {
      throw typer.fail(
          node,
          name
              + " requires at least two arguments, but only "
              + (args.isEmpty() ? "none was" : "one was")
              + " provided. Destination could not be determined.");
    }
    String dest = args.get(args.size() - 1);
    if (Heredocs.parse(dest).isPresent()) {
      throw typer.fail(node, name + " cannot accept a heredoc as a destination");
    }
    List<String> sources = new ArrayList<>();
    List<Heredoc> contents = new ArrayList<>();
    for (String src : args.subList(0, args.size() - 1)) {
      var marker = Heredocs.parse(src);
      if (marker.isPresent()) {
        Heredoc h = body(node, marker.get().name());
        String data = h.body();
        contents.add(
            new Heredoc(
                h.name(),
                h.fileDescriptor(),
                h.expand(),
                h.chomp(),
                h.expand() ? x.heredocBody(data) : data));
      } else {
        sources.add(x.word(src));
      }
    }
    return new Parts(sources, x.word(dest), contents);
  }

  private static Heredoc body(Node node, String name) {
    return node.heredocs().stream()
        .filter(h -> h.name().equals(name))
        .reduce((a, b) -> b) // BuildKit's lookup map keeps the last heredoc of a name
        .orElse(new Heredoc(name, 0, true, false, ""));
  }
}
