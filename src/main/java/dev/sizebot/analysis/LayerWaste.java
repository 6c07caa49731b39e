package dev.sizebot.analysis;

/**
 * One layer's share of the reclaimable bytes.
 *
 * @param layer the layer's position (0 = base)
 * @param shippedDead bytes this layer ships that are dead in the final image
 * @param madeDead bytes of lower layers (or earlier in this layer) that this layer made dead
 */
public record LayerWaste(int layer, long shippedDead, long madeDead) {
  public LayerWaste {
    if (layer < 0 || shippedDead < 0 || madeDead < 0) {
      throw new IllegalArgumentException("bad layer waste for layer " + layer);
    }
  }
}
