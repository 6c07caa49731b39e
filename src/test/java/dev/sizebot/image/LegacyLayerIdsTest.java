package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sizebot.common.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The v1 JSON files of one real {@code docker save} (dockerd 20.10, six layers, BuildKit-built) and
 * the diffIDs {@code docker image inspect} gave for it: src/test/resources/legacy-save.
 */
class LegacyLayerIdsTest {
  private static byte[] resource(String name) throws IOException {
    try (InputStream in = LegacyLayerIdsTest.class.getResourceAsStream("/legacy-save/" + name)) {
      return in.readAllBytes();
    }
  }

  private static List<Digest> diffIds() throws IOException {
    String[] ids = new ObjectMapper().readValue(resource("diff-ids.json"), String[].class);
    return Arrays.stream(ids).map(Digest::parse).toList();
  }

  @Test
  void everyLayersV1JsonNamesItsDiffIdTheTopLayersWithTheImageConfigToo() throws IOException {
    LegacyLayerIds ids = new LegacyLayerIds();
    List<Digest> diffIds = diffIds();
    ids.expect(diffIds);

    for (int i = 0; i < diffIds.size(); i++) {
      assertThat(ids.diffIdOf(resource("layer" + i + ".json")))
          .as("layer " + i)
          .contains(diffIds.get(i));
    }
  }

  @Test
  void aLayerBelowTheExpectedImagesNamesNothing() throws IOException {
    LegacyLayerIds ids = new LegacyLayerIds();
    // The image without its top layer: the top layer's chain ID is not among the expected.
    ids.expect(diffIds().subList(0, 5));

    assertThat(ids.diffIdOf(resource("layer5.json"))).isEmpty();
    assertThat(ids.diffIdOf(resource("layer4.json"))).contains(diffIds().get(4));
  }

  @Test
  void aJsonChangedByOneByteOrNotJsonNamesNothing() throws IOException {
    LegacyLayerIds ids = new LegacyLayerIds();
    ids.expect(diffIds());
    String json = new String(resource("layer3.json"), StandardCharsets.UTF_8);

    assertThat(
            ids.diffIdOf(
                json.replace("1970-01-01T00:00:00Z", "1970-01-01T00:00:01Z")
                    .getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(
            ids.diffIdOf(
                json.replace("\"User\":\"\"", "\"User\":\"root\"")
                    .getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(ids.diffIdOf("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(ids.diffIdOf("[1]".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void nothingExpectedNamesNothing() throws IOException {
    assertThat(new LegacyLayerIds().diffIdOf(resource("layer0.json"))).isEmpty();
  }
}
