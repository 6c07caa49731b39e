package dev.sizebot.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
  @Test
  void passesEveryByteThroughInOrderAcrossChunkBoundaries() throws IOException {
    byte[] data = new byte[10_000];
    new Random(7).nextBytes(data);

    try (InputStream in = new ReadAhead(new ByteArrayInputStream(data), 3, 1000)) {
      assertThat(in.read()).isEqualTo(data[0] & 0xff);
      byte[] rest = in.readAllBytes();
      assertThat(rest).hasSize(9_999).isEqualTo(java.util.Arrays.copyOfRange(data, 1, 10_000));
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void skipDropsBytesAcrossChunksAndTheNextReadContinuesAfterThem() throws IOException {
    byte[] data = new byte[10_000];
    new Random(11).nextBytes(data);

    try (InputStream in = new ReadAhead(new ByteArrayInputStream(data), 3, 1000)) {
      assertThat(in.readNBytes(10)).isEqualTo(java.util.Arrays.copyOfRange(data, 0, 10));
      assertThat(in.skip(2_495)).isEqualTo(2_495);
      assertThat(in.read()).isEqualTo(data[2_505] & 0xff);
      // Past the end: skips what is left, then 0 (the end), and reads say -1.
      assertThat(in.skip(20_000)).isEqualTo(7_494);
      assertThat(in.skip(1)).isZero();
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void anEmptySourceEndsAtOnce() throws IOException {
    try (InputStream in = new ReadAhead(InputStream.nullInputStream(), 2, 16)) {
      assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
    }
  }

  @Test
  void aReadFailureReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
    InputStream failing =
        new InputStream() {
          int sent;

          @Override
          public int read() throws IOException {
            if (sent++ < 5) {
              return 'x';
            }
            throw new IOException("connection reset");
          }
        };

    try (InputStream in = new ReadAhead(failing, 2, 4)) {
      assertThat(in.readNBytes(4)).hasSize(4);
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessage("connection reset");
    }
  }
}
