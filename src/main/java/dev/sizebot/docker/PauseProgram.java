package dev.sizebot.docker;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;

/**
 * A static Linux program that does nothing but wait for a signal, as Kubernetes' {@code pause}
 * container does: it keeps a network namespace alive for the containers that join it. No image can
 * be pulled where sizebot runs (nor assumed to exist), so the program is a few instructions written
 * here, in the smallest ELF executable Linux loads: one header, one loadable segment.
 *
 * <p>The holder is PID 1 of its container, so it ignores every signal but SIGKILL, which is how
 * {@code docker rm -f} ends it.
 */
final class PauseProgram {
  private static final long BASE = 0x40_0000;
  private static final int HEADER = 64;
  private static final int PROGRAM_HEADER = 56;

  // x86-64: loop { pause(); } — mov eax, 34 (SYS_pause); syscall; jmp back to the mov.
  private static final byte[] AMD64 = {
    (byte) 0xb8, 0x22, 0x00, 0x00, 0x00, 0x0f, 0x05, (byte) 0xeb, (byte) 0xf7
  };

  // AArch64 has no pause(): loop { ppoll(NULL, 0, NULL, NULL); } blocks the same way.
  private static final int[] ARM64 = {
    0xd2800000, // movz x0, #0
    0xd2800001, // movz x1, #0
    0xd2800002, // movz x2, #0
    0xd2800003, // movz x3, #0
    0xd2800928, // movz x8, #73 (SYS_ppoll)
    0xd4000001, // svc #0
    0x17fffffa, // b -24 (back to the first movz)
  };

  private PauseProgram() {}

  /**
   * The program for an engine that reports {@code architecture} ({@code docker info}: {@code
   * x86_64}, {@code aarch64}) with its OCI name, or empty for an architecture it is not written
   * for.
   */
  static Optional<Program> forArchitecture(String architecture) {
    return switch (architecture.toLowerCase(Locale.ROOT)) {
      case "x86_64", "amd64" -> Optional.of(new Program("amd64", elf(62, AMD64)));
      case "aarch64", "arm64" -> Optional.of(new Program("arm64", elf(183, words(ARM64))));
      default -> Optional.empty();
    };
  }

  /** An executable and the OCI architecture it runs on. */
  record Program(String ociArchitecture, byte[] executable) {
    Program {
      executable = executable.clone();
    }

    @Override
    public byte[] executable() {
      return executable.clone();
    }
  }

  // ELF-64 little-endian as the System V ABI lays it out; the code follows the program header, and
  // the one PT_LOAD segment maps the whole file read+execute at BASE.
  private static byte[] elf(int machine, byte[] code) {
    int size = HEADER + PROGRAM_HEADER + code.length;
    ByteBuffer elf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
    elf.putShort((short) 2); // ET_EXEC
    elf.putShort((short) machine);
    elf.putInt(1); // EV_CURRENT
    elf.putLong(BASE + HEADER + PROGRAM_HEADER); // entry: the first instruction
    elf.putLong(HEADER); // program headers right after this header
    elf.putLong(0); // no section headers
    elf.putInt(0); // flags
    elf.putShort((short) HEADER);
    elf.putShort((short) PROGRAM_HEADER);
    elf.putShort((short) 1);
    elf.putShort((short) 64); // section header size, though there are none
    elf.putShort((short) 0);
    elf.putShort((short) 0);
    elf.putInt(1); // PT_LOAD
    elf.putInt(5); // PF_R | PF_X
    elf.putLong(0);
    elf.putLong(BASE);
    elf.putLong(BASE);
    elf.putLong(size);
    elf.putLong(size);
    elf.putLong(0x1_0000); // 64 KiB: right for 4 KiB and 64 KiB page kernels alike
    elf.put(code);
    return elf.array();
  }

  private static byte[] words(int[] instructions) {
    ByteBuffer code = ByteBuffer.allocate(instructions.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int instruction : instructions) {
      code.putInt(instruction);
    }
    return code.array();
  }
}
