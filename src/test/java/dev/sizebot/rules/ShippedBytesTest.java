package dev.sizebot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sizebot.common.ByteSize;
import dev.sizebot.common.UnixPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShippedBytesTest {
  private static final RuleInfo RULE = new RuleInfo("SB199", Severity.INFO, "t", "w", List.of());

  private static ShippedBytes piece(int layer, String path, long bytes) {
    return ShippedBytes.of(layer, UnixPath.of(path), bytes);
  }

  @Test
  void aUnionCountsAPieceSeveralPartsNameOnce() {
    ShippedBytes lists = piece(1, "/var/lib/apt/lists/p", 9_000);
    ShippedBytes both =
        ShippedBytes.union(List.of(lists, piece(1, "/var/cache/apt/pkgcache.bin", 30_000)));
    assertThat(ShippedBytes.union(List.of(lists, both)).bytes()).isEqualTo(39_000);
    // The same path in another layer is other bytes.
    assertThat(ShippedBytes.union(List.of(lists, piece(2, "/var/lib/apt/lists/p", 9_000))).bytes())
        .isEqualTo(18_000);
    assertThat(ShippedBytes.union(List.of()).isEmpty()).isTrue();
  }

  @Test
  void zeroBytesAreNoPieceAndAPieceCannotBeEmpty() {
    assertThat(piece(1, "/x", 0)).isEqualTo(ShippedBytes.NONE);
    assertThatThrownBy(
            () -> new ShippedBytes(Map.of(new ShippedBytes.Piece(1, UnixPath.of("/x")), 0L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theReportTotalCountsBytesSeveralFindingsNameOnce() {
    ShippedBytes lists = piece(2, "/var/lib/apt/lists/p", 9_000_000);
    ShippedBytes cache = piece(2, "/var/cache/apt/pkgcache.bin", 30_000_000);
    ShippedBytes other = piece(3, "/tmp/big", 1_000);
    Finding left = RULE.at(LineRange.of(2), "lists left").withEvidence(lists, "lists");
    Finding overwritten =
        RULE.at(LineRange.of(2), "overwritten")
            .withEvidence(ShippedBytes.union(List.of(lists, cache)), "both");
    Finding deleted = RULE.at(LineRange.of(3), "deleted").withEvidence(other, "big");
    LintResult result =
        new LintResult("Dockerfile", List.of(RULE), List.of(left, overwritten, deleted));
    assertThat(result.findings().stream().mapToLong(f -> f.savings().orElseThrow().bytes()).sum())
        .isEqualTo(48_001_000);
    assertThat(result.savings()).isEqualTo(ByteSize.of(39_001_000));
    assertThat(new LintResult("Dockerfile", List.of(RULE), List.of()).savings())
        .isEqualTo(ByteSize.ZERO);
  }
}
