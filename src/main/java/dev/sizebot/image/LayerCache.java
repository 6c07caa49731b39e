package dev.sizebot.image;

import dev.sizebot.common.Digest;
import dev.sizebot.common.SizebotException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Layer analyses already made, by diffID, so a layer seen before is never read or deflated again:
 * in memory for one run, and optionally across runs in a {@link LayerStore}.
 *
 * <p>An archive member is matched to a diffID before its bytes are read only when its name is a
 * content address: {@code blobs/sha256/<hex>} (OCI image layout: the blob's digest) or {@code
 * <hex>/layer.tar} (a legacy docker save: the v1 ID, a SHA-256 over the layer's chain ID, so over
 * its diffID and everything below it). Which diffID such a name stood for is learned once the
 * manifest and config are read, and every reuse is checked against them again ({@link #learn}). A
 * legacy directory name never seen before is matched when the v1 JSON ahead of its layer.tar hashes
 * to that name with one of the chain IDs the engine gave ({@link #expectLayers}).
 */
public final class LayerCache {
  /** The indexer's and the entry format's own version (see {@link #ANALYSIS_VERSION}). */
  // 2: entries are kept per stored form (plain tar, gzip, zstd), under names that say which.
  // 3: image records name each layer's stored form.
  static final int INDEX_VERSION = 3;

  /**
   * The version of what a cache entry holds: bump {@link #INDEX_VERSION} whenever {@link
   * LayerIndexer} or {@link CacheEntry} change what they produce for the same layer bytes; a new
   * {@link GzipEstimate#ESTIMATE_VERSION} changes it by itself. Entries written under another
   * version are ignored instead of trusted.
   */
  public static final int ANALYSIS_VERSION = INDEX_VERSION * 1000 + GzipEstimate.ESTIMATE_VERSION;

  private static final Pattern CONTENT_ADDRESSED =
      Pattern.compile("blobs/sha256/[0-9a-f]{64}|[0-9a-f]{64}/layer\\.tar");

  private final Optional<LastingLayers> disk;
  // By diffID and stored form: one layer's analysis differs between its plain tar and its gzip or
  // zstd blob (stored size, and a compressed size measured rather than estimated).
  private final Map<Form, IndexedLayer> layers = new ConcurrentHashMap<>();
  private final Map<String, Digest> members = new ConcurrentHashMap<>();
  private final Map<String, Digest> served = new ConcurrentHashMap<>();
  private final Map<Digest, ImageRecord> images = new ConcurrentHashMap<>();
  private final LegacyLayerIds legacyIds = new LegacyLayerIds();
  private final Set<Digest> reusedLayers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger read = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();
  private final AtomicInteger imagesReused = new AtomicInteger();

  private LayerCache(Optional<LastingLayers> disk) {
    this.disk = disk;
  }

  /** Remembers layers for the life of this value only ({@code --no-cache}). */
  public static LayerCache inMemory() {
    return new LayerCache(Optional.empty());
  }

  /**
   * Also keeps layers in {@code store}; each entry not trusted, and the first write that fails, is
   * reported as one line to {@code warnings}.
   */
  public static LayerCache lasting(LayerStore store, Consumer<String> warnings) {
    return new LayerCache(Optional.of(new LastingLayers(store, warnings)));
  }

  /** Layers read and analysed (decompressed, walked, their compressed size estimated). */
  public int layersRead() {
    return read.get();
  }

  /** Layers whose analysis came from this cache, their bytes skipped. */
  public int layersReused() {
    return reused.get();
  }

  /** Images rebuilt from this cache, so the engine did not have to save them. */
  public int imagesReused() {
    return imagesReused.get();
  }

  /**
   * The image whose config digest (image ID) is {@code id}, rebuilt from this cache when its config
   * and every layer are known: the engine need not save it. {@code tags} are the names a save of it
   * would have carried. Empty when anything is missing or not trusted.
   */
  public Optional<Image> image(Digest id, List<String> tags, ReadLimits limits) {
    Optional<ImageRecord> record =
        Optional.ofNullable(images.get(id)).or(() -> disk.flatMap(d -> d.image(id)));
    Optional<Image> image =
        record.flatMap(r -> ImageAssembly.fromRecord(tags, r, this::inForm, limits));
    image.ifPresent(
        i -> {
          images.put(id, record.get());
          imagesReused.incrementAndGet();
          i.layers().forEach(l -> countReused(l.diffId()));
        });
    return image;
  }

  /** Keeps what an image read from the engine is besides its layers ({@link #image}). */
  void learnImage(Digest id, byte[] config, List<Layer> imageLayers, List<Compression> stored) {
    ImageRecord record = ImageRecord.of(config, imageLayers, stored);
    if (images.putIfAbsent(id, record) == null) {
      disk.ifPresent(d -> d.storeImage(id, record));
    }
  }

  /** A layer as an archive stores it: its diffID and how its blob is compressed. */
  record Form(Digest diffId, Compression compression) {}

  private Optional<IndexedLayer> inForm(Form form) {
    Optional<IndexedLayer> layer =
        Optional.ofNullable(layers.get(form)).or(() -> disk.flatMap(d -> d.layer(form)));
    layer.ifPresent(l -> layers.putIfAbsent(form, l));
    return layer;
  }

  // A layer two images share counts once, as it does in one save stream, whether the images were
  // rebuilt from the cache or saved.
  private void countReused(Digest diffId) {
    if (reusedLayers.add(diffId)) {
      reused.incrementAndGet();
    }
  }

  /** The analysis of archive member {@code path} ({@code storedBytes} long), if known. */
  Optional<IndexedLayer> forMember(String path, long storedBytes) {
    if (!CONTENT_ADDRESSED.matcher(path).matches()) {
      return Optional.empty();
    }
    Optional<Digest> diffId =
        Optional.ofNullable(members.get(path)).or(() -> disk.flatMap(d -> d.member(path)));
    if (diffId.isEmpty()) {
      return Optional.empty();
    }
    // The member's bytes are unread, so its form is known only by its size: a cached form of
    // another size is another encoding of the layer (or a stale entry), and the member is read.
    Optional<IndexedLayer> layer =
        Arrays.stream(Compression.values())
            .map(c -> inForm(new Form(diffId.get(), c)))
            .flatMap(Optional::stream)
            .filter(l -> l.storedBytes() == storedBytes)
            .findFirst();
    if (layer.isEmpty()) {
      return Optional.empty();
    }
    served.put(path, diffId.get());
    members.put(path, diffId.get());
    countReused(diffId.get());
    return layer;
  }

  /**
   * Tells the cache that a save stream to come holds an image whose layers are, bottom first,
   * {@code diffIds} (the engine's inspection), so a legacy save's layer directory can be named from
   * its v1 JSON before its layer.tar arrives ({@link LegacyLayerIds}).
   */
  public void expectLayers(List<Digest> diffIds) {
    legacyIds.expect(diffIds);
  }

  /**
   * A legacy save's {@code <v1 ID>/json}: when it proves to be one of the expected layers, its
   * {@code layer.tar} is matched to that diffID, for this run only (the member name is the save's).
   * The image's config checks that match again like any other ({@link #learn}).
   */
  void legacyLayerJson(String directory, byte[] json) {
    legacyIds.diffIdOf(json).ifPresent(diffId -> members.put(directory + "/layer.tar", diffId));
  }

  /** Counts one layer read in full. */
  void countRead() {
    read.incrementAndGet();
  }

  /**
   * Learns that archive member name {@code path} (a link to a layer already kept) is {@code
   * diffId}.
   */
  void learnName(String path, Digest diffId) {
    if (CONTENT_ADDRESSED.matcher(path).matches() && members.putIfAbsent(path, diffId) == null) {
      disk.ifPresent(d -> d.storeMember(path, diffId));
    }
  }

  /**
   * Called for every layer once its image's config names its diffID: keeps a layer just read, and
   * checks that a layer served from the cache was the one the config names.
   */
  void learn(String path, Digest diffId, IndexedLayer layer) {
    Digest servedAs = served.get(path);
    if (servedAs != null) {
      if (!servedAs.equals(diffId)) {
        disk.ifPresent(d -> d.forgetMember(path));
        throw SizebotException.environment(
            "the layer cache"
                + disk.map(d -> " at " + d.root()).orElse("")
                + " took archive member '"
                + path
                + "' for layer "
                + servedAs
                + " but the image says "
                + diffId
                + ": the cache was not written by this sizebot; delete it or run with --no-cache");
      }
      return;
    }
    Form form = new Form(diffId, layer.compression());
    boolean added = layers.putIfAbsent(form, layer) == null;
    boolean named =
        CONTENT_ADDRESSED.matcher(path).matches() && members.putIfAbsent(path, diffId) == null;
    disk.ifPresent(
        d -> {
          if (added) {
            d.store(form, layer);
          }
          if (named) {
            d.storeMember(path, diffId);
          }
        });
  }
}
