package dev.sizebot.image;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sizebot.common.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which layer a legacy {@code docker save}'s {@code <v1 ID>/json} stands for, read before the
 * {@code layer.tar} beside it, so a layer the cache knows is skipped although its directory has a
 * name never seen before.
 *
 * <p>dockerd names each layer directory by a v1 ID (moby's {@code image/v1.CreateID}): the SHA-256
 * of that very JSON without its {@code id}, with {@code parent} as a digest and the layer's chain
 * ID added as {@code layer_id}, keys sorted. Below the top layer the JSON's {@code os} was set
 * after the ID was made. The top layer's JSON carries the image's whole config, so the v1 ID of a
 * base image's top layer is another one in the save of every image built on it. Given the chain IDs
 * of the layers the engine said the images have, recomputing the ID names the layer, and the hash
 * match is the proof: a JSON that matches none names nothing and its layer is read.
 */
final class LegacyLayerIds {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern QUOTED_HEX = Pattern.compile("\"[0-9a-f]{64}\"");

  private final Map<Digest, Digest> diffIdByChain = new ConcurrentHashMap<>();

  /** The layers, bottom first, of an image the save to come holds. */
  void expect(List<Digest> diffIds) {
    Digest chain = null;
    for (Digest diffId : diffIds) {
      // OCI image spec, "ChainID": ChainID(L0|…|Ln) = SHA256(ChainID(L0|…|Ln-1) + " " +
      // DiffID(Ln)).
      chain =
          chain == null
              ? diffId
              : ImageAssembly.sha256((chain + " " + diffId).getBytes(StandardCharsets.UTF_8));
      diffIdByChain.putIfAbsent(chain, diffId);
    }
  }

  /** The diffID of the layer whose v1 JSON is {@code json}, when it is one of the expected. */
  Optional<Digest> diffIdOf(byte[] json) {
    if (diffIdByChain.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> fields = topLevel(json);
    String id = fields.get("id");
    if (id == null || !QUOTED_HEX.matcher(id).matches()) {
      return Optional.empty();
    }
    String v1Id = id.substring(1, 65);
    TreeMap<String, String> input = new TreeMap<>(fields);
    input.remove("id");
    String parent = input.get("parent");
    if (parent != null) {
      if (!QUOTED_HEX.matcher(parent).matches()) {
        return Optional.empty();
      }
      input.put("parent", "\"sha256:" + parent.substring(1));
    }
    TreeMap<String, String> belowTop = new TreeMap<>(input);
    belowTop.remove("os");
    for (Map.Entry<Digest, Digest> chain : diffIdByChain.entrySet()) {
      if (matches(belowTop, chain.getKey(), v1Id) || matches(input, chain.getKey(), v1Id)) {
        return Optional.of(chain.getValue());
      }
    }
    return Optional.empty();
  }

  private static boolean matches(TreeMap<String, String> fields, Digest chain, String v1Id) {
    TreeMap<String, String> withLayer = new TreeMap<>(fields);
    withLayer.put("layer_id", "\"" + chain + "\"");
    StringBuilder canonical = new StringBuilder("{");
    withLayer.forEach(
        (key, raw) ->
            canonical
                .append(canonical.length() > 1 ? "," : "")
                .append('"')
                .append(key)
                .append("\":")
                .append(raw));
    canonical.append('}');
    return ImageAssembly.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8))
        .hex()
        .equals(v1Id);
  }

  // The object's members as their raw JSON text: dockerd wrote them with Go's encoding/json, whose
  // escaping a re-serialisation would not reproduce byte for byte. Empty when it is no object.
  private static Map<String, String> topLevel(byte[] json) {
    Map<String, String> fields = new TreeMap<>();
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Map.of();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        parser.finishToken(); // a string is parsed lazily: its end is known only once finished
        int end = (int) parser.currentLocation().getByteOffset();
        fields.put(key, new String(Arrays.copyOfRange(json, start, end), StandardCharsets.UTF_8));
      }
      return fields;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }
}
