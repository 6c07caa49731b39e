package dev.sizebot.rules;

import dev.sizebot.dockerfile.ShellCommand;
import dev.sizebot.dockerfile.Stage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Build tools: which packages, pip tools and base images are for building, not running. */
final class Toolchain {
  private static final Set<String> PACKAGES =
      Set.of(
          "build-essential",
          "build-base",
          "gcc",
          "g++",
          "make",
          "cmake",
          "clang",
          "autoconf",
          "automake",
          "libtool",
          "pkg-config",
          "pkgconf",
          "git",
          "maven",
          "gradle",
          "cargo",
          "rustc",
          "golang",
          "default-jdk",
          "default-jdk-headless",
          "gcc-c++");
  private static final Set<String> PIP_TOOLS = Set.of("poetry", "uv", "pipenv", "pdm", "hatch");

  /** Official images whose default tags are a full JDK; their -jre tags are runtimes. */
  static final Set<String> JDK_IMAGES =
      Set.of("eclipse-temurin", "amazoncorretto", "openjdk", "sapmachine", "ibm-semeru-runtimes");

  private static final Pattern JRE_TAG = Pattern.compile("(?:^|[-_.])jre(?:$|[-_.])");

  /** Paths a toolchain fills in the final image, used to size the saving when evidence exists. */
  static final List<String> PATHS =
      List.of(
          "/usr/lib/gcc",
          "/usr/libexec/gcc",
          "/usr/include",
          "/usr/share/maven",
          "/usr/local/go",
          "/usr/lib/jvm",
          "/root/.m2",
          "/root/.cargo");

  private Toolchain() {}

  static boolean isToolPackage(String name) {
    String bare = name.replaceAll("[=:<>].*$", "");
    return PACKAGES.contains(bare)
        || bare.endsWith("-dev")
        || bare.endsWith("-devel")
        || bare.matches("openjdk-\\d+-jdk(-headless)?")
        || bare.matches("gcc-\\d+|g\\+\\+-\\d+");
  }

  /** Packages an apt/apk/dnf/yum command installs (its non-flag words after the verb). */
  static List<String> installedPackages(ShellCommand c) {
    List<String> args = c.arguments();
    int verb = -1;
    if (Apt.isApt(c) || c.isProgram("dnf") || c.isProgram("yum") || c.isProgram("microdnf")) {
      verb = args.indexOf("install");
    } else if (c.isProgram("apk")) {
      verb = args.indexOf("add");
    }
    List<String> packages = new ArrayList<>();
    for (int i = verb + 1; verb >= 0 && i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--virtual") || a.equals("-t")) {
        i++; // the virtual package's name
      } else if (!a.startsWith("-")) {
        packages.add(a);
      }
    }
    return packages;
  }

  /** The build tools a stage installs or starts from, in order, without repeats. */
  static List<String> in(Stage stage) {
    Set<String> tools = new LinkedHashSet<>();
    baseImageTool(stage).ifPresent(tools::add);
    for (var run : stage.all(dev.sizebot.dockerfile.Run.class)) {
      for (ShellCommand c : run.commands()) {
        installedPackages(c).stream().filter(Toolchain::isToolPackage).forEach(tools::add);
        if (Python.isPipInstall(c)) {
          Python.pipArguments(c).stream()
              .map(a -> a.replaceAll("[=<>~!@].*$", ""))
              .filter(PIP_TOOLS::contains)
              .forEach(tools::add);
        }
        Python.pipxInstalled(c).stream()
            .map(a -> a.replaceAll("[=<>~!@\\[].*$", ""))
            .filter(PIP_TOOLS::contains)
            .forEach(tools::add);
        if (Python.fetchesPoetryInstaller(c)) {
          tools.add("poetry");
        }
      }
    }
    return List.copyOf(tools);
  }

  private static Optional<String> baseImageTool(Stage stage) {
    ImageName image = ImageName.parse(stage.from().image());
    String name = image.official().orElse("");
    String tag = image.tag().orElse("");
    if (List.of("golang", "maven", "gradle", "rust").contains(name)) {
      return Optional.of(name + " image");
    }
    // eclipse-temurin:21 is the JDK (21-jdk); only tags naming jre (21-jre, 8-jre-alpine,
    // 8-al2023-jre, open-21-jre) are runtimes.
    if (JDK_IMAGES.contains(name) && !JRE_TAG.matcher(tag).find()) {
      return Optional.of("JDK image");
    }
    return Optional.empty();
  }
}
