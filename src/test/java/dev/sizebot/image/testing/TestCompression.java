package dev.sizebot.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** How a test layer blob is stored. Output is deterministic (no timestamps in gzip headers). */
public enum TestCompression {
  NONE("application/vnd.oci.image.layer.v1.tar"),
  GZIP("application/vnd.oci.image.layer.v1.tar+gzip"),
  ZSTD("application/vnd.oci.image.layer.v1.tar+zstd");

  private final String mediaType;

  TestCompression(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The OCI layer media type for this compression. */
  public String mediaType() {
    return mediaType;
  }

  /** Compresses {@code tar} (gzip at level 6, zstd at level 3). */
  public byte[] compress(byte[] tar) {
    if (this == NONE) {
      return tar;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream c = wrap(out)) {
      c.write(tar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private OutputStream wrap(OutputStream out) throws IOException {
    if (this == GZIP) {
      return new GZIPOutputStream(out, 1 << 16) {
        {
          def.setLevel(Deflater.DEFAULT_COMPRESSION);
        }
      };
    }
    return new ZstdCompressorOutputStream(out, 3);
  }
}
