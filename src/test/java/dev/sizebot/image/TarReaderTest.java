package dev.sizebot.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarReaderTest {
  /** What a test reads back: header fields and the content bytes. */
  private record Read(TarReader.Header header, byte[] content) {}

  @ParameterizedTest
  @ValueSource(ints = {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU})
  void longNamesLinksAndBigIdsReadAsCommonsCompressWroteThem(int longFileMode) throws IOException {
    String longName = "usr/lib/" + "deep/".repeat(40) + "file.txt";
    String longLink = "/opt/" + "target/".repeat(30) + "bin";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
      tar.setLongFileMode(longFileMode);
      tar.setBigNumberMode(
          longFileMode == TarArchiveOutputStream.LONGFILE_GNU
              ? TarArchiveOutputStream.BIGNUMBER_STAR
              : TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry file = new TarArchiveEntry(longName);
      file.setSize(3);
      file.setMode(0100640);
      file.setUserId(3_000_000_000L);
      file.setGroupId(70);
      tar.putArchiveEntry(file);
      tar.write(new byte[] {1, 2, 3});
      tar.closeArchiveEntry();
      TarArchiveEntry link = new TarArchiveEntry("bin/tool", TarConstants.LF_SYMLINK);
      link.setLinkName(longLink);
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }

    List<Read> read = readAll(bytes.toByteArray());

    assertThat(read).hasSize(2);
    assertThat(read.get(0).header())
        .isEqualTo(new TarReader.Header(longName, '0', 3, 0100640, 3_000_000_000L, 70, ""));
    assertThat(read.get(0).content()).containsExactly(1, 2, 3);
    assertThat(read.get(1).header().linkName()).isEqualTo(longLink);
    assertThat(read.get(1).header().type()).isEqualTo('2');
  }

  @Test
  void aUstarPrefixIsJoinedToTheName() throws IOException {
    byte[] h = header("name.txt", '0', 0);
    put(h, 257, "ustar\0" + "00");
    put(h, 345, "some/prefix");
    checksum(h);

    assertThat(readAll(archive(h)).get(0).header().name()).isEqualTo("some/prefix/name.txt");
  }

  @Test
  void aGnuHeaderKeepsTimesWhereUstarHasThePrefix() throws IOException {
    byte[] h = header("name.txt", '0', 0);
    put(h, 257, "ustar  \0");
    put(h, 345, "12345670123");
    checksum(h);

    assertThat(readAll(archive(h)).get(0).header().name()).isEqualTo("name.txt");
  }

  @Test
  void headerOnlyTypesCarryNoDataWhateverTheirSizeField() throws IOException {
    // Go's archive/tar (and so the engine) reads no data for links, devices, dirs and FIFOs.
    byte[] link = header("a", '1', 700);
    put(link, 157, "b");
    checksum(link);
    byte[] next = header("c", '0', 2);

    List<Read> read = readAll(archive(link, next, block("xy")));

    assertThat(read).extracting(r -> r.header().name()).containsExactly("a", "c");
    assertThat(read.get(0).header().size()).isEqualTo(700);
    assertThat(read.get(1).content()).isEqualTo("xy".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anOldStyleRegularTypeEndingInASlashIsADirectory() throws IOException {
    assertThat(readAll(archive(header("dir/", '\0', 0))).get(0).header().type()).isEqualTo('5');
    assertThat(readAll(archive(header("file", '\0', 0))).get(0).header().type()).isEqualTo('0');
  }

  @Test
  void paxRecordsOverrideTheHeaderAndGlobalHeadersAreIgnoredAsTheEngineDoes() throws IOException {
    byte[] global = pax("path=global/ignored\n");
    byte[] globalHeader = header("g", 'g', global.length);
    byte[] local = pax("path=über/long name\n", "uid=4000000000\n", "linkpath=x\n");
    byte[] localHeader = header("PaxHeaders/x", 'x', local.length);
    byte[] file = header("short", '0', 1);

    List<Read> read =
        readAll(archive(globalHeader, block(global), localHeader, block(local), file, block("z")));

    assertThat(read).hasSize(1);
    assertThat(read.get(0).header().name()).isEqualTo("über/long name");
    assertThat(read.get(0).header().uid()).isEqualTo(4_000_000_000L);
    assertThat(read.get(0).content()).containsExactly('z');
  }

  @Test
  void aPaxSizeDecidesHowMuchDataFollows() throws IOException {
    byte[] records = pax("size=3\n");
    byte[] file = header("f", '0', 0);

    List<Read> read =
        readAll(archive(header("p", 'x', records.length), block(records), file, block("abc")));

    assertThat(read.get(0).header().size()).isEqualTo(3);
    assertThat(read.get(0).content()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSignedChecksumIsAcceptedAsGoAcceptsIt() throws IOException {
    byte[] h = header("é", '0', 0); // bytes >= 0x80 make the two sums differ
    long signed = 0;
    for (int i = 0; i < h.length; i++) {
      signed += i >= 148 && i < 156 ? ' ' : h[i];
    }
    put(h, 148, String.format("%06o\0 ", signed));

    assertThat(readAll(archive(h)).get(0).header().name()).isEqualTo("é");
  }

  @Test
  void aBadChecksumIsRefusedWithItsOffset() {
    byte[] h = header("f", '0', 0);
    h[0] = 'g';

    assertThatThrownBy(() -> readAll(archive(h)))
        .isInstanceOf(IOException.class)
        .hasMessage("bad tar header checksum in the header at byte 0");
  }

  @Test
  void aStreamEndingInsideAnEntryIsTruncated() {
    byte[] bytes = Arrays.copyOf(archive(header("f", '0', 1000), new byte[1024]), 512 + 700);

    assertThatThrownBy(() -> readAll(bytes))
        .isInstanceOf(EOFException.class)
        .hasMessage("truncated tar: the stream ends inside an entry at byte 1212");
  }

  @Test
  void aStreamEndingAtAHeaderBoundaryEndsTheArchive() throws IOException {
    byte[] bytes = Arrays.copyOf(archive(header("f", '0', 0)), 512);

    assertThat(readAll(bytes)).hasSize(1);
  }

  @Test
  void anUnreadEntryIsSkippedWithoutReadingItsBytes() throws IOException {
    byte[] big = new byte[100_000];
    new Random(3).nextBytes(big);
    byte[] bytes = archive(header("big", '0', big.length), block(big), header("next", '0', 0));
    CountingStream counted = new CountingStream(bytes, true);

    TarReader tar = new TarReader(counted);
    assertThat(tar.next().name()).isEqualTo("big");
    assertThat(tar.next().name()).isEqualTo("next");

    // Only the two headers were read; the 100,000 bytes and their padding went by skip.
    assertThat(counted.read).isEqualTo(2 * 512);
    assertThat(counted.skipped).isEqualTo(block(big).length);
  }

  @Test
  void closingAnEntrysContentLeavesTheArchiveOpen() throws IOException {
    byte[] bytes = archive(header("a", '0', 3), block(new byte[] {1, 2, 3}), header("b", '0', 0));
    TarReader tar = new TarReader(new java.io.BufferedInputStream(new ByteArrayInputStream(bytes)));

    tar.next();
    try (java.io.InputStream content = tar.content()) {
      assertThat(content.read()).isEqualTo(1);
    }

    // A reader that closes a layer's stream must not end the archive around it.
    assertThat(tar.next().name()).isEqualTo("b");
  }

  @Test
  void aStreamThatCannotSkipIsReadPast() throws IOException {
    byte[] bytes = archive(header("a", '0', 3000), block(new byte[3000]), header("b", '0', 0));
    CountingStream counted = new CountingStream(bytes, false);

    TarReader tar = new TarReader(counted);
    tar.next();
    assertThat(tar.next().name()).isEqualTo("b");
    assertThat(counted.skipped).isZero();
  }

  /** Counts what was read and what was skipped; skip may be refused (returns 0) as streams may. */
  private static final class CountingStream extends ByteArrayInputStream {
    final boolean skips;
    long read;
    long skipped;

    CountingStream(byte[] bytes, boolean skips) {
      super(bytes);
      this.skips = skips;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      read += Math.max(n, 0);
      return n;
    }

    @Override
    public synchronized long skip(long n) {
      long s = skips ? super.skip(n) : 0;
      skipped += s;
      return s;
    }
  }

  @Test
  void sparseEntriesAreRefused() {
    assertThatThrownBy(() -> readAll(archive(header("s", 'S', 0))))
        .hasMessage("sparse tar entry at byte 0 (docker never writes them)");
  }

  @Test
  void base256NumbersAreRead() throws IOException {
    byte[] h = header("f", '0', 0);
    Arrays.fill(h, 124, 136, (byte) 0);
    h[124] = (byte) 0x80;
    h[131] = 0x02; // 2 << 32 = 8 GiB
    checksum(h);

    TarReader tar = new TarReader(new ByteArrayInputStream(archive(h)));

    assertThat(tar.next().size()).isEqualTo(8L << 30);
  }

  @Test
  void everyEntryOfAGeneratedLayerMatchesCommonsCompress() throws IOException {
    byte[] layer = generatedLayer(new Random(7));
    List<Read> ours = readAll(layer);
    List<String> theirs = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(layer))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        theirs.add(e.getName() + " " + e.getSize() + " " + e.getMode() + " " + e.getLinkName());
      }
    }

    assertThat(ours)
        .extracting(
            r ->
                r.header().name()
                    + " "
                    + r.header().size()
                    + " "
                    + r.header().mode()
                    + " "
                    + r.header().linkName())
        .containsExactlyElementsOf(theirs)
        .hasSize(600);
  }

  private static byte[] generatedLayer(Random random) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (int i = 0; i < 600; i++) {
        String name = "d" + (i % 7) + "/" + "x".repeat(random.nextInt(150)) + i;
        TarArchiveEntry e =
            i % 10 == 0
                ? new TarArchiveEntry(name, TarConstants.LF_SYMLINK)
                : new TarArchiveEntry(name);
        e.setMode(i % 10 == 0 ? 0120777 : 0100000 | random.nextInt(0777));
        if (i % 10 == 0) {
          e.setLinkName("../t" + i);
        } else {
          e.setSize(random.nextInt(3000));
        }
        tar.putArchiveEntry(e);
        byte[] content = new byte[(int) e.getSize()];
        random.nextBytes(content);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static List<Read> readAll(byte[] bytes) throws IOException {
    TarReader tar = new TarReader(new ByteArrayInputStream(bytes));
    List<Read> read = new ArrayList<>();
    TarReader.Header h;
    byte[] buffer = new byte[7]; // small, so content spans several reads
    while ((h = tar.next()) != null) {
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      int n;
      while ((n = tar.read(buffer, 0, buffer.length)) > 0) {
        content.write(buffer, 0, n);
      }
      read.add(new Read(h, content.toByteArray()));
    }
    return read;
  }

  /** A V7-style header block with a valid checksum. */
  private static byte[] header(String name, char type, long size) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644\0");
    put(h, 108, "0000000\0");
    put(h, 116, "0000000\0");
    put(h, 124, String.format("%011o\0", size));
    put(h, 136, "00000000000\0");
    h[156] = (byte) type;
    checksum(h);
    return h;
  }

  private static void checksum(byte[] h) {
    Arrays.fill(h, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xFF;
    }
    put(h, 148, String.format("%06o\0 ", sum));
  }

  private static void put(byte[] h, int off, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, off, b.length);
  }

  private static byte[] pax(String... records) {
    StringBuilder all = new StringBuilder();
    for (String record : records) {
      int length = record.getBytes(StandardCharsets.UTF_8).length + 1;
      int digits = String.valueOf(length).length();
      length = record.getBytes(StandardCharsets.UTF_8).length + 1 + digits;
      if (String.valueOf(length).length() != digits) {
        length++;
      }
      all.append(length).append(' ').append(record);
    }
    return all.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] block(String content) {
    return block(content.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] block(byte[] content) {
    return Arrays.copyOf(content, (content.length + 511) / 512 * 512);
  }

  private static byte[] archive(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }
}
