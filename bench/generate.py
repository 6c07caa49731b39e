#!/usr/bin/env python3
"""Writes the build context of the inspect benchmark: ~1 GB in 100k+ files, FROM-scratch ready.

Text-like files are slices of a corpus of pseudo-words (compresses about like source code or
logs); random files are os.urandom (incompressible). A fixed seed keeps the image the same from
run to run. Usage: generate.py CONTEXT_DIR
"""
import os
import random
import shutil
import sys

MB = 1 << 20


def corpus(rng, size):
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(4000)]
    punct = [" ", " ", " ", " ", " ", ", ", ". ", "\n", " = ", "(", ") ", "; "]
    parts, total = [], 0
    while total < size:
        words = rng.choices(vocab, k=4096)
        seps = rng.choices(punct, k=4096)
        chunk = "".join(w + s for w, s in zip(words, seps))
        parts.append(chunk)
        total += len(chunk)
    return "".join(parts).encode()[:size]


def write_many(root, prefix, count, per_dir, lo, hi, content, rng):
    for i in range(count):
        d = os.path.join(root, "d%03d" % (i // per_dir))
        if i % per_dir == 0:
            os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "%s%05d" % (prefix, i)), "wb") as f:
            f.write(content(rng.randint(lo, hi)))


def main():
    ctx = sys.argv[1]
    shutil.rmtree(ctx, ignore_errors=True)
    os.makedirs(ctx)
    rng = random.Random(20261122)
    text = corpus(rng, 64 * MB)

    def text_slice(n):
        off = rng.randrange(0, len(text) - n)
        return text[off:off + n]

    write_many(os.path.join(ctx, "text"), "t", 60000, 200, 500, 8000, text_slice, rng)
    write_many(os.path.join(ctx, "rand"), "r", 45000, 200, 256, 4096, os.urandom, rng)
    # The overwrite layer rewrites 5,000 text paths (d000-d024): waste an inspect must find.
    write_many(os.path.join(ctx, "over"), "t", 5000, 200, 500, 8000, text_slice, rng)
    big = os.path.join(ctx, "big")
    os.makedirs(big)
    for i in range(16):
        with open(os.path.join(big, "rand-%02d.bin" % i), "wb") as f:
            f.write(os.urandom(16 * MB))
    for i in range(10):
        with open(os.path.join(big, "text-%02d.txt" % i), "wb") as f:
            for _ in range(4):
                f.write(text_slice(8 * MB))
    shutil.copy(sys.argv[2] if len(sys.argv) > 2 else "/bin/busybox", os.path.join(ctx, "busybox"))
    with open(os.path.join(ctx, "Dockerfile"), "w") as f:
        f.write(
            "FROM scratch\n"
            "COPY busybox /bin/busybox\n"
            "COPY text /data/text\n"
            "COPY rand /data/rand\n"
            "COPY big /data/big\n"
            "COPY over /data/text\n"
            'RUN ["/bin/busybox", "rm", "-rf", "/data/text/d299", "/data/big/rand-00.bin"]\n'
            'LABEL dev.sizebot.bench="inspect"\n'
        )


if __name__ == "__main__":
    main()
