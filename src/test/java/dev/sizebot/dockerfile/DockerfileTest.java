package dev.sizebot.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileTest {
  static Dockerfile parse(String text) {
    return Dockerfile.parse(text, "Dockerfile");
  }

  static Instruction only(String text) {
    List<Instruction> all = parse(text).finalStage().instructions();
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void escapeDirectiveSwitchesContinuationToBacktickAndLeavesBackslashesLiteral() {
    Dockerfile f = parse("# escape=`\nFROM scratch\nCOPY C:\\src\\ `\n  C:\\dst\\\n");
    assertThat(f.escape()).isEqualTo('`');
    assertThat(f.directive("escape")).contains("`");
    Copy copy = (Copy) f.finalStage().instructions().get(0);
    assertThat(copy.node().args()).containsExactly("C:\\src\\", "C:\\dst\\");
    assertThat(copy.range()).isEqualTo(new SourceRange(3, 1, 4, 10));
  }

  @Test
  void directivesAreOnlyRecognisedBeforeAnythingElse() {
    Dockerfile f = parse("# check=skip=all\n\n# escape=`\nFROM scratch\n# syntax=x\n");
    assertThat(f.directives()).containsExactly(new Directive("check", "skip=all", 1));
    assertThat(f.escape()).isEqualTo('\\');
  }

  @Test
  void anUnknownDirectiveEndsTheDirectiveBlock() {
    Dockerfile f = parse("# foo=bar\n# escape=`\nFROM scratch\n");
    assertThat(f.directives()).isEmpty();
    assertThat(f.escape()).isEqualTo('\\');
  }

  @Test
  void directiveNamesAreCaseInsensitiveAndSpacesAroundEqualsAreAllowed() {
    Dockerfile f = parse("#  SYNTAX = docker/dockerfile:1 \nFROM scratch\n");
    assertThat(f.directives()).containsExactly(new Directive("syntax", "docker/dockerfile:1", 1));
  }

  @Test
  void continuationSkipsCommentAndBlankLinesButTheRangeCoversThem() {
    Run run =
        (Run) only("FROM scratch\nRUN a \\\n# note\n\n  && b\nRUN c\n".replace("RUN c\n", ""));
    assertThat(run.node().args()).containsExactly("a   && b");
    assertThat(run.range()).isEqualTo(new SourceRange(2, 1, 5, 7));
    assertThat(run.text()).isEqualTo("RUN a \\\n# note\n\n  && b");
    assertThat(run.commands()).extracting(ShellCommand::toString).containsExactly("a", "b");
  }

  @Test
  void aDoubledEscapeAtTheEndIsNotAContinuation() {
    Dockerfile f = parse("FROM scratch\nRUN echo \\\\\nRUN b\n");
    assertThat(f.finalStage().instructions()).hasSize(2);
    assertThat(f.finalStage().instructions().get(0).node().args()).containsExactly("echo \\\\");
  }

  @Test
  void aLoneEscapeOnALineContinues() {
    Run run = (Run) only("FROM scratch\nRUN a\\\n\\\nb\n");
    assertThat(run.node().args()).containsExactly("ab");
  }

  @Test
  void crlfAndBomParseLikeLf() {
    String lf = "# syntax=x\nFROM alpine AS a\nRUN a \\\n  b\nCOPY <<EOF /f\nhi\nEOF\n";
    Dockerfile plain = parse(lf);
    Dockerfile crlf = parse("\uFEFF" + lf.replace("\n", "\r\n"));
    assertThat(crlf.directives()).isEqualTo(plain.directives());
    assertThat(ParseTree.of(crlf).toString().replace("\\r", "").replace("\r", ""))
        .isEqualTo(ParseTree.of(plain).toString());
    Copy copy = (Copy) crlf.finalStage().instructions().get(1);
    assertThat(copy.node().heredocs().get(0).content()).isEqualTo("hi\r\n");
  }

  @Test
  void chompedHeredocStripsLeadingTabsFromBodyAndDelimiter() {
    Run run = (Run) only("FROM scratch\nRUN <<-EOT\n\techo a\n\t\techo b\n\tEOT\n");
    Heredoc h = run.node().heredocs().get(0);
    assertThat(h.chomp()).isTrue();
    assertThat(h.content()).isEqualTo("\techo a\n\t\techo b\n");
    assertThat(h.body()).isEqualTo("echo a\necho b\n");
    assertThat(run.range().endLine()).isEqualTo(5);
    assertThat(run.commands())
        .extracting(ShellCommand::toString)
        .containsExactly("echo a", "echo b");
  }

  @Test
  void withoutChompATabbedDelimiterDoesNotEndTheHeredoc() {
    Run run = (Run) only("FROM scratch\nRUN <<EOT\n\tEOT\nEOT\n");
    assertThat(run.node().heredocs().get(0).content()).isEqualTo("\tEOT\n");
  }

  @Test
  void quotedDelimiterDisablesExpansionInCopy() {
    Dockerfile f = parse("FROM scratch\nARG V=x\nCOPY <<'A' <<B /dst/\n$V ${V}\nA\n$V \"q\"\nB\n");
    Copy copy = (Copy) f.finalStage().instructions().get(1);
    assertThat(copy.node().heredocs())
        .extracting(Heredoc::name, Heredoc::expand)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", false),
            org.assertj.core.groups.Tuple.tuple("B", true));
    assertThat(copy.sourceContents())
        .extracting(Heredoc::content)
        .containsExactly("$V ${V}\n", "x \"q\"\n");
    assertThat(copy.sources()).isEmpty();
    assertThat(copy.destination()).isEqualTo("/dst/");
  }

  @Test
  void partlyQuotedDelimiterAlsoDisablesExpansion() {
    assertThat(Heredocs.parse("<<E\"O\"F").orElseThrow())
        .isEqualTo(new Heredoc("EOF", 0, false, false, ""));
    assertThat(Heredocs.parse("3<<-EOF").orElseThrow())
        .isEqualTo(new Heredoc("EOF", 3, true, true, ""));
    assertThat(Heredocs.parse("<<")).isEmpty();
    assertThat(Heredocs.parse("<<EOF>out").orElseThrow().name()).isEqualTo("EOF>out");
  }

  @Test
  void severalHeredocsAreReadInOrder() {
    Run run = (Run) only("FROM scratch\nRUN cat <<A >a && cat <<B >b\none\nA\ntwo\nB\n");
    assertThat(run.node().heredocs())
        .extracting(Heredoc::name, Heredoc::content)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", "one\n"),
            org.assertj.core.groups.Tuple.tuple("B", "two\n"));
    assertThat(run.range()).isEqualTo(new SourceRange(2, 1, 6, 2));
  }

  @Test
  void heredocsAreNotReadForExecFormOrOtherInstructions() {
    Dockerfile f = parse("FROM scratch\nRUN [\"cat\", \"<<EOF\"]\nENV A=<<EOF\nCMD x\n");
    assertThat(f.finalStage().instructions()).hasSize(3);
    assertThat(f.finalStage().instructions().get(1).node().heredocs()).isEmpty();
    assertThat(f.finalStage().instructions().get(0).node().heredocs()).isEmpty();
  }

  @Test
  void execFormNeedsTheWholeArgumentToBeAJsonArray() {
    Dockerfile f =
        parse(
            "FROM scratch\nCMD [\"a\", \"b\"]\nCMD [\"a\"] b\nCMD [ \"a\"\nCMD []\nENTRYPOINT []\n");
    List<Instruction> all = f.finalStage().instructions();
    assertThat(((Cmd) all.get(0)).command()).isEqualTo(Invocation.exec(List.of("a", "b")));
    assertThat(((Cmd) all.get(1)).command()).isEqualTo(Invocation.shell("[\"a\"] b"));
    assertThat(((Cmd) all.get(2)).command()).isEqualTo(Invocation.shell("[ \"a\""));
    assertThat(((Cmd) all.get(3)).command()).isEqualTo(Invocation.exec(List.of()));
    assertThat(((Entrypoint) all.get(4)).node().json()).isTrue();
  }

  @Test
  void flagsLoseTheirQuotesAndKeepTheirOrder() {
    Copy copy =
        (Copy)
            only("FROM scratch\nCOPY --link --chown=\"app:app\" --from=build --chmod=0755 a b\n");
    assertThat(copy.flags())
        .containsExactly("--link", "--chown=app:app", "--from=build", "--chmod=0755");
    assertThat(copy.link()).isTrue();
    assertThat(copy.from()).contains("build");
    assertThat(copy.chmod()).contains("0755");
  }

  @Test
  void runMountsAreParsedAndExpanded() {
    Dockerfile f =
        parse(
            "FROM scratch\nARG CACHE=/root/.cache\n"
                + "RUN --mount=type=cache,target=${CACHE}/pip,sharing=locked "
                + "--mount=type=secret,id=npmrc --mount=source=.,target=/src --network=none pip x\n");
    Run run = (Run) f.finalStage().instructions().get(1);
    assertThat(run.mounts()).extracting(Mount::type).containsExactly("cache", "secret", "bind");
    assertThat(run.cacheMounts().get(0).target()).contains("/root/.cache/pip");
    assertThat(run.mounts().get(0).option("sharing")).contains("locked");
    assertThat(run.network()).contains("none");
  }

  @Test
  void envUsesValuesFromBeforeTheInstructionButGlobalArgsChainWithinOne() {
    Dockerfile f =
        parse("ARG A=1 B=${A}2\nFROM scratch\nENV X=a\nENV X=b Y=$X\nARG A\nENV Z=$A$B\n");
    assertThat(f.globalArgs().get(0).entries())
        .extracting(e -> e.defaultValue().orElseThrow())
        .containsExactly("1", "12");
    Env env = (Env) f.finalStage().instructions().get(1);
    assertThat(env.pairs()).containsExactly(new KeyValue("X", "b"), new KeyValue("Y", "a"));
    Env z = (Env) f.finalStage().instructions().get(3);
    // A was redeclared in the stage (gets the global value); B was not: out of scope, empty.
    assertThat(z.pairs()).containsExactly(new KeyValue("Z", "1"));
  }

  @Test
  void buildArgsOverrideDefaultsEverywhere() {
    Dockerfile f =
        Dockerfile.parse(
            "ARG TAG=3.12\nFROM python:$TAG\nARG MODE=dev\nENV MODE=$MODE\n",
            "Dockerfile",
            Map.of("TAG", "3.13", "MODE", "prod"));
    assertThat(f.finalStage().from().image()).isEqualTo("python:3.13");
    assertThat(((Env) f.finalStage().instructions().get(1)).pairs())
        .containsExactly(new KeyValue("MODE", "prod"));
  }

  @Test
  void fromExpandsOnlyGlobalArgsWithDefaults() {
    Dockerfile f = parse("ARG REG\nARG IMG=${REG:-docker.io}/library/alpine\nFROM $IMG AS Base\n");
    assertThat(f.finalStage().from().image()).isEqualTo("docker.io/library/alpine");
    assertThat(f.finalStage().name()).contains("base");
    assertThat(f.stage("BASE")).isPresent();
  }

  @Test
  void aStageBuiltFromAnotherInheritsItsEnvAndShell() {
    Dockerfile f =
        parse(
            "FROM alpine AS base\nENV HOME=/h\nSHELL [\"/bin/bash\", \"-c\"]\n"
                + "FROM base\nWORKDIR $HOME/app\nRUN a && b\n");
    Stage last = f.finalStage();
    assertThat(((Workdir) last.instructions().get(0)).path()).isEqualTo("/h/app");
    assertThat(last.shell()).containsExactly("/bin/bash", "-c");
    assertThat(((Run) last.instructions().get(1)).commands()).hasSize(2);
  }

  @Test
  void nonPosixShellTurnsShellAnalysisOffButExecFormRunsWithoutIt() {
    Dockerfile f =
        parse("FROM scratch\nSHELL [\"powershell\", \"-Command\"]\nRUN a; b\nRUN [\"x\"]\n");
    Run ps = (Run) f.finalStage().instructions().get(1);
    assertThat(ps.shellAnalyzed()).isFalse();
    assertThat(ps.commands()).isEmpty();
    Run exec = (Run) f.finalStage().instructions().get(2);
    assertThat(exec.shellAnalyzed()).isTrue();
    assertThat(exec.commands())
        .containsExactly(new ShellCommand(List.of(), List.of("x"), List.of()));
  }

  @Test
  void onbuildWrapsATypedTriggerThatIsNotExpanded() {
    Dockerfile f = parse("FROM scratch\nARG D=/x\nONBUILD COPY . $D\n");
    Onbuild o = (Onbuild) f.finalStage().instructions().get(1);
    assertThat(o.node().args()).containsExactly("COPY", ".", "$D");
    assertThat(((Copy) o.trigger()).destination()).isEqualTo("$D");
  }

  @Test
  void healthcheckKeepsTypeAndCommandAsBuildKitSplitsThem() {
    Dockerfile f =
        parse(
            "FROM scratch\nHEALTHCHECK --interval=5s --start-period=1m30s --retries=3 CMD [\"curl\", \"-f\", \"x\"]\n"
                + "HEALTHCHECK NONE\n");
    Healthcheck h = (Healthcheck) f.finalStage().instructions().get(0);
    assertThat(h.node().args()).containsExactly("CMD", "curl", "-f", "x");
    assertThat(h.node().json()).isTrue();
    assertThat(h.command()).contains(Invocation.exec(List.of("curl", "-f", "x")));
    assertThat(((Healthcheck) f.finalStage().instructions().get(1)).isNone()).isTrue();
  }

  @Test
  void envAndLabelArgsAreTriplesWithTheSeparatorAsInBuildKitsAst() {
    Dockerfile f = parse("FROM scratch\nENV A 1 2\nLABEL \"x y\"=\"z\" k=v\n");
    assertThat(f.finalStage().instructions().get(0).node().args()).containsExactly("A", "1 2", "");
    Label label = (Label) f.finalStage().instructions().get(1);
    assertThat(label.node().args()).containsExactly("\"x y\"", "\"z\"", "=", "k", "v", "=");
    assertThat(label.pairs()).containsExactly(new KeyValue("x y", "z"), new KeyValue("k", "v"));
  }

  @Test
  void keywordsAreCaseInsensitiveAndStageNamesLowerCased() {
    Dockerfile f = parse("from alpine as Build\nrun echo\nFrom build\n");
    assertThat(f.stages()).hasSize(2);
    assertThat(f.stages().get(0).name()).contains("build");
    assertThat(f.finalStage().instructions()).isEmpty();
    assertThat(f.instructions())
        .extracting(Instruction::keyword)
        .containsExactly("from", "run", "from");
  }

  @Test
  void textOfARangeGivesTheExactLinesToReplace() {
    Dockerfile f = parse("FROM scratch\n  RUN a \\\n    b\nCMD x\n");
    Run run = (Run) f.finalStage().instructions().get(0);
    assertThat(run.range()).isEqualTo(new SourceRange(2, 3, 3, 6));
    assertThat(f.text(run.range())).isEqualTo("  RUN a \\\n    b");
    assertThat(run.text()).isEqualTo("RUN a \\\n    b");
  }

  @Test
  void commentsBeforeAnInstructionStopAtABlankLine() {
    Dockerfile f =
        parse("FROM scratch\n# unrelated\n\n# sizebot ignore=SB101\n  #  second  \nRUN x\nRUN y\n");
    List<Instruction> all = f.finalStage().instructions();
    assertThat(f.commentsBefore(all.get(0).range()))
        .containsExactly("sizebot ignore=SB101", "second");
    assertThat(f.commentsBefore(all.get(1).range())).isEmpty();
  }
}
