package dev.sizebot.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Field decoding for {@link TarReader}, following Go's {@code archive/tar} (reader.go, strconv.go):
 * ustar/star name prefixes, octal or base-256 numbers, unsigned-or-signed header checksums, and PAX
 * records ({@code "%d %s=%s\n"}, POSIX.1-2008 pax format).
 */
final class TarFields {
  private TarFields() {}

  /** The entry name, with the ustar (or star) prefix when the magic says one is there. */
  static String name(byte[] h) {
    String name = cString(h, 0, 100);
    boolean ustar = matches(h, 257, "ustar\0") && matches(h, 263, "00");
    if (!ustar) {
      return name; // V7 or GNU: GNU keeps access and change times where ustar has the prefix
    }
    boolean star = matches(h, 508, "tar\0");
    String prefix = cString(h, 345, star ? 131 : 155);
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** Bytes up to the first NUL (or the end of the field), as UTF-8. */
  static String cString(byte[] b, int off, int len) {
    int end = off;
    boolean ascii = true;
    while (end < off + len && b[end] != 0) {
      ascii &= b[end] >= 0;
      end++;
    }
    return new String(
        b, off, end - off, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  static String cString(byte[] b) {
    return cString(b, 0, b.length);
  }

  /** A numeric field: base-256 when the high bit of its first byte is set, else octal text. */
  static long number(byte[] b, int off, int len, long at) throws IOException {
    if ((b[off] & 0x80) != 0) {
      return base256(b, off, len, at);
    }
    int start = off;
    int end = off + len;
    while (start < end && (b[start] == ' ' || b[start] == 0)) {
      start++;
    }
    while (end > start && (b[end - 1] == ' ' || b[end - 1] == 0)) {
      end--;
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 7 || value >>> 60 != 0) {
        throw bad("numeric field", at);
      }
      value = value * 8 + digit;
    }
    return value;
  }

  private static long base256(byte[] b, int off, int len, long at) throws IOException {
    // Two's complement, big-endian, with the marker bit 0x80 dropped from the first byte.
    int inverse = (b[off] & 0x40) != 0 ? 0xFF : 0;
    long value = 0;
    for (int i = off; i < off + len; i++) {
      int digit = (b[i] & 0xFF) ^ inverse;
      if (i == off) {
        digit &= 0x7F;
      }
      if (value >>> 56 != 0) {
        throw bad("base-256 numeric field", at);
      }
      value = (value << 8) | digit;
    }
    if (inverse != 0 || value < 0) {
      throw bad("negative numeric field", at);
    }
    return value;
  }

  static boolean allZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /** The header's checksum, as Go accepts it: the unsigned or the signed byte sum. */
  static void verifyChecksum(byte[] h, long at) throws IOException {
    long stored = number(h, 148, 8, at);
    long unsigned = 0;
    long signed = 0;
    for (byte b : h) {
      unsigned += b & 0xFF;
      signed += b;
    }
    // The checksum field itself counts as eight spaces.
    for (int i = 148; i < 156; i++) {
      unsigned += ' ' - (h[i] & 0xFF);
      signed += ' ' - h[i];
    }
    if (stored != unsigned && stored != signed) {
      throw bad("header checksum", at);
    }
  }

  /** PAX extended header records; later records of the same key win, as in Go. */
  static Map<String, String> pax(byte[] data, long at) throws IOException {
    Map<String, String> records = new HashMap<>();
    int pos = 0;
    while (pos < data.length && data[pos] != 0) {
      int space = pos;
      int length = 0;
      while (space < data.length && data[space] >= '0' && data[space] <= '9' && length < 1 << 24) {
        length = length * 10 + (data[space++] - '0');
      }
      int end = pos + length;
      if (space == pos
          || space >= data.length
          || data[space] != ' '
          || end > data.length
          || end <= space + 1
          || data[end - 1] != '\n') {
        throw bad("PAX record", at);
      }
      String record = new String(data, space + 1, end - space - 2, StandardCharsets.UTF_8);
      int equals = record.indexOf('=');
      if (equals <= 0) {
        throw bad("PAX record", at);
      }
      records.put(record.substring(0, equals), record.substring(equals + 1));
      pos = end;
    }
    return records;
  }

  static long paxNumber(String value, String key, long at) throws IOException {
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw bad("PAX " + key, at);
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad("PAX " + key, at);
    }
  }

  private static boolean matches(byte[] b, int off, String text) {
    for (int i = 0; i < text.length(); i++) {
      if (b[off + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static IOException bad(String what, long at) {
    return new IOException("bad tar " + what + " in the header at byte " + at);
  }
}
