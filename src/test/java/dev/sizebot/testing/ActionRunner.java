package dev.sizebot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a docker action's image the way the GitHub Actions runner does, after actions/runner's
 * {@code ContainerActionHandler.RunAsync} and {@code DockerCommandManager.DockerRun}: one {@code
 * INPUT_<NAME>} variable per input that action.yml declares (the given value, else its default;
 * {@code ${{ github.token }}} evaluated), {@code HOME} and the {@code GITHUB_*} context with host
 * paths translated to their mounts, the temp directories and the workspace mounted under {@code
 * /github}, the docker socket mounted, the entrypoint and arguments from action.yml, and {@code
 * --network} the job's {@code github_network_<id>} (which the runner creates when the job has
 * service containers). Variables go on the command line as {@code -e NAME} only and reach the
 * container through the docker CLI's environment, as the runner passes them.
 */
public final class ActionRunner {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([\\w.]+)\\s*}}");

  /**
   * One job on the runner: its instance label (the first 6 hex digits of a hash of the runner's
   * configuration), temp directory, workspace, and network.
   */
  public record Job(String label, Path temp, Path workspace, String network) {}

  /** The container's name, exit code and output. */
  public record Run(String container, int exitCode, String stdout, String stderr) {}

  private final JsonNode action;
  private final String image;

  public ActionRunner(Path actionYml, String image) throws IOException {
    this.action = new ObjectMapper(new YAMLFactory()).readTree(actionYml.toFile());
    this.image = image;
  }

  /** A job's directories and network names, as the runner picks them (random ids). */
  public static Job job(Path runnerTemp, Path workspace) throws IOException {
    for (String dir : List.of("_github_home", "_github_workflow", "_runner_file_commands")) {
      Files.createDirectories(runnerTemp.resolve(dir));
    }
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    String network = "github_network_" + UUID.randomUUID().toString().replace("-", "");
    return new Job(HexFormat.of().formatHex(random), runnerTemp, workspace, network);
  }

  /** {@code docker network create --label LABEL NETWORK}, as the runner makes the job's network. */
  public static void createNetwork(Job job) {
    Engine.docker("network", "create", "--label", job.label(), job.network());
  }

  /** {@code docker network rm NETWORK}, as the runner removes it when the job ends. */
  public static void removeNetwork(Job job) {
    Engine.docker("network", "rm", job.network());
  }

  /**
   * Runs the action's main step with the inputs {@code with}, the run's {@code github} context (its
   * {@code GITHUB_*} variables, paths as on the host) and {@code token} as {@code github.token}.
   */
  public Run run(Job job, Map<String, String> with, Map<String, String> github, String token)
      throws IOException, InterruptedException {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    // ContainerDisplayName: the image name sanitized, "_" and 6 random hex digits.
    String name = image.replaceAll("[^A-Za-z0-9_.-]", "") + "_" + HexFormat.of().formatHex(random);
    Map<String, String> inputs = inputValues(with, token);
    Map<String, String> env = new LinkedHashMap<>();
    inputs.forEach((k, v) -> env.put("INPUT_" + k.replace(' ', '_').toUpperCase(Locale.ROOT), v));
    env.put("HOME", "/github/home");
    github.forEach((k, v) -> env.put(k, translated(job, v)));
    List<String> command =
        new ArrayList<>(
            List.of(
                "docker",
                "run",
                "--name",
                name,
                "--label",
                job.label(),
                "--workdir",
                "/github/workspace",
                "--rm"));
    env.keySet().forEach(k -> command.addAll(List.of("-e", k)));
    command.addAll(List.of("-e", "GITHUB_ACTIONS=true", "-e", "CI=true"));
    command.addAll(List.of("--entrypoint", action.at("/runs/entrypoint").asText()));
    command.addAll(List.of("--network", job.network()));
    command.addAll(List.of("-v", "/var/run/docker.sock:/var/run/docker.sock"));
    command.addAll(mount(job.temp().resolve("_github_home"), "/github/home"));
    command.addAll(mount(job.temp().resolve("_github_workflow"), "/github/workflow"));
    command.addAll(mount(job.temp().resolve("_runner_file_commands"), "/github/file_commands"));
    command.addAll(mount(job.workspace(), "/github/workspace"));
    command.add(image);
    for (JsonNode arg : action.at("/runs/args")) {
      command.add(evaluate(arg.asText(), inputs, token));
    }
    return execute(name, command, env);
  }

  // AddInputsToEnvironment: every declared input, given or defaulted, becomes INPUT_<NAME> (name
  // uppercased, spaces as underscores).
  private Map<String, String> inputValues(Map<String, String> with, String token) {
    Map<String, String> values = new LinkedHashMap<>();
    action
        .path("inputs")
        .fields()
        .forEachRemaining(
            e ->
                values.put(
                    e.getKey(),
                    with.getOrDefault(
                        e.getKey(),
                        evaluate(e.getValue().path("default").asText(""), Map.of(), token))));
    with.keySet().stream()
        .filter(k -> !values.containsKey(k))
        .findFirst()
        .ifPresent(
            k -> {
              throw new IllegalArgumentException("action.yml declares no input " + k);
            });
    return values;
  }

  // Only the expressions action.yml uses: inputs.NAME and github.token.
  private static String evaluate(String text, Map<String, String> inputs, String token) {
    Matcher m = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expr = m.group(1);
      String value =
          expr.startsWith("inputs.")
              ? inputs.get(expr.substring("inputs.".length()))
              : expr.equals("github.token") ? token : null;
      if (value == null) {
        throw new IllegalArgumentException("cannot evaluate ${{ " + expr + " }}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  // The runner's TranslateToContainerPath: a host path under a mounted directory becomes the
  // mount's path.
  private static String translated(Job job, String value) {
    Map<Path, String> mounts = new LinkedHashMap<>();
    mounts.put(job.temp().resolve("_github_home"), "/github/home");
    mounts.put(job.temp().resolve("_github_workflow"), "/github/workflow");
    mounts.put(job.temp().resolve("_runner_file_commands"), "/github/file_commands");
    mounts.put(job.workspace(), "/github/workspace");
    for (Map.Entry<Path, String> m : mounts.entrySet()) {
      String host = m.getKey().toString();
      if (value.equals(host) || value.startsWith(host + "/")) {
        return m.getValue() + value.substring(host.length());
      }
    }
    return value;
  }

  private static List<String> mount(Path host, String container) {
    return List.of("-v", host + ":" + container);
  }

  private static Run execute(String name, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    env.forEach((k, v) -> pb.environment().put(k, v));
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    String out = read(p.getInputStream());
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the action's container ran for over 10 minutes: " + command);
    }
    return new Run(name, p.exitValue(), out, err.join());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
