package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnContainerTest {
  private static final String ID = "4f6e" + "0123456789abcdef".repeat(3) + "a1b2c3d4e5f6";
  private static final String OTHER = "9".repeat(64);

  @Test
  void idsComeFromDockersBindMountsThenCgroupThenHostname() {
    String mountinfo =
        "1021 1003 8:1 /var/lib/docker/containers/"
            + ID
            + "/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/sda1 rw\n"
            + "1022 1003 8:1 /var/lib/docker/containers/"
            + ID
            + "/hostname /etc/hostname rw,relatime - ext4 /dev/sda1 rw\n";
    String cgroup =
        "12:memory:/docker/" + OTHER + "\n0::/system.slice/docker-" + OTHER + ".scope\n";

    assertThat(OwnContainer.candidateIds(mountinfo, cgroup, "4f6e01234567\n"))
        .containsExactly(ID, OTHER, "4f6e01234567");
  }

  @Test
  void aHostProcessHasNoCandidateIds() {
    assertThat(OwnContainer.candidateIds("22 1 8:1 / / rw - ext4 /dev/sda1 rw\n", "0::/\n", "vm"))
        .isEmpty();
  }

  @Test
  void detectsDockerenvPodmanMarkerAndRuntimeCgroups(@TempDir Path root) throws IOException {
    assertThat(OwnContainer.detect(root)).isFalse();

    Files.createDirectories(root.resolve("proc/self"));
    Files.writeString(root.resolve("proc/self/cgroup"), "0::/user.slice/session-1.scope\n");
    assertThat(OwnContainer.detect(root)).isFalse();

    Files.writeString(root.resolve("proc/self/cgroup"), "0::/kubepods/besteffort/pod1/" + ID);
    assertThat(OwnContainer.detect(root)).isTrue();

    Files.delete(root.resolve("proc/self/cgroup"));
    Files.createDirectories(root.resolve("run"));
    Files.writeString(root.resolve("run/.containerenv"), "");
    assertThat(OwnContainer.detect(root)).isTrue();

    Files.delete(root.resolve("run/.containerenv"));
    Files.writeString(root.resolve(".dockerenv"), "");
    assertThat(OwnContainer.detect(root)).isTrue();
  }
}
