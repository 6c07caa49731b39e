package dev.sizebot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic corpus of realistic Dockerfiles for the lint benchmark: Python (pip, uv, poetry),
 * Node, Go, Java, Alpine and Debian tool images, single- and multi-stage, with good and bad
 * practices mixed at random so every rule has work to do.
 */
final class LintCorpus {
  private static final String[] PY = {"3.10", "3.11", "3.12", "3.13-slim", "3.12-bookworm"};
  private static final String[] APT = {
    "curl",
    "git",
    "build-essential",
    "libpq-dev",
    "gcc",
    "ca-certificates",
    "tini",
    "jq",
    "libssl-dev",
    "unzip"
  };

  private LintCorpus() {}

  static List<String> generate(int count, long seed) {
    Random random = new Random(seed);
    List<String> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder out = new StringBuilder();
      if (random.nextInt(4) == 0) {
        out.append("# syntax=docker/dockerfile:1.7\n");
      }
      switch (i % 6) {
        case 0 -> python(out, random);
        case 1 -> uv(out, random);
        case 2 -> node(out, random);
        case 3 -> go(out, random);
        case 4 -> java(out, random);
        default -> tools(out, random);
      }
      files.add(out.toString());
    }
    return files;
  }

  private static void padding(StringBuilder out, Random random) {
    for (int i = random.nextInt(8); i > 0; i--) {
      out.append(
          random.nextBoolean()
              ? "ENV FEATURE_" + i + "=on\n"
              : "LABEL org.opencontainers.image.note" + i + "=\"value " + i + "\"\n");
    }
  }

  private static String packages(Random random) {
    StringBuilder list = new StringBuilder();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      list.append(" \\\n        ").append(APT[random.nextInt(APT.length)]);
    }
    return list.toString();
  }

  private static void apt(StringBuilder out, Random random) {
    boolean good = random.nextBoolean();
    if (!good && random.nextBoolean()) {
      out.append("RUN apt-get update\n");
    }
    out.append("RUN apt-get update \\\n    && apt-get install -y")
        .append(good ? " --no-install-recommends" : "")
        .append(packages(random));
    out.append(good ? " \\\n    && rm -rf /var/lib/apt/lists/*\n" : "\n");
  }

  private static void python(StringBuilder out, Random random) {
    out.append("FROM python:").append(PY[random.nextInt(PY.length)]).append('\n');
    out.append("ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\nWORKDIR /app\n");
    padding(out, random);
    apt(out, random);
    if (random.nextBoolean()) {
      out.append(
          "COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n"
              + "COPY . .\n");
    } else {
      out.append("COPY . .\nRUN pip install -r requirements.txt\n");
    }
    if (random.nextBoolean()) {
      out.append("RUN useradd --create-home --uid ")
          .append(random.nextBoolean() ? "10001" : "1000001")
          .append(" app\nUSER app\n");
    }
    out.append("EXPOSE 8000\nCMD [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n");
  }

  private static void uv(StringBuilder out, Random random) {
    out.append("FROM python:3.12-slim AS build\n");
    out.append("COPY --from=ghcr.io/astral-sh/uv:0.7 /uv /bin/uv\nWORKDIR /app\n");
    if (random.nextBoolean()) {
      out.append(
          "RUN --mount=type=cache,target=/root/.cache/uv \\\n"
              + "    --mount=type=bind,source=uv.lock,target=uv.lock \\\n"
              + "    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\\n"
              + "    uv sync --frozen --no-install-project --no-dev\n");
    }
    out.append("COPY . .\nRUN uv sync --frozen")
        .append(random.nextBoolean() ? " --no-dev" : "")
        .append('\n');
    padding(out, random);
    out.append(
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY --from=build /app /app\n"
            + "ENV PATH=\"/app/.venv/bin:$PATH\"\n");
    out.append(random.nextBoolean() ? "USER 10001\n" : "");
    out.append("CMD [\"python\", \"-m\", \"service\"]\n");
  }

  private static void node(StringBuilder out, Random random) {
    out.append("FROM node:").append(random.nextBoolean() ? "22" : "20-slim").append('\n');
    out.append("WORKDIR /usr/src/app\n");
    padding(out, random);
    if (random.nextBoolean()) {
      out.append(
          "COPY package.json package-lock.json ./\n"
              + "RUN npm ci --omit=dev && npm cache clean --force\nCOPY . .\n");
    } else {
      out.append("COPY . .\nRUN npm install\nRUN npm run build\n");
    }
    out.append(random.nextBoolean() ? "USER node\n" : "");
    out.append("EXPOSE 3000\nCMD [\"node\", \"dist/server.js\"]\n");
  }

  private static void go(StringBuilder out, Random random) {
    out.append("FROM golang:1.23").append(random.nextBoolean() ? " AS build" : "").append('\n');
    out.append("WORKDIR /src\n");
    if (random.nextBoolean()) {
      out.append("COPY go.mod go.sum ./\nRUN go mod download\n");
    }
    out.append("COPY . .\nRUN CGO_ENABLED=0 go build -trimpath -o /out/app ./cmd/app\n");
    padding(out, random);
    if (random.nextBoolean()) {
      out.append(
          "FROM gcr.io/distroless/static-debian12:nonroot\n" + "COPY --from=0 /out/app /app\n");
    }
    out.append("ENTRYPOINT [\"/app\"]\n");
  }

  private static void java(StringBuilder out, Random random) {
    out.append("FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /build\n");
    out.append(
        "COPY pom.xml .\nRUN mvn -B -q dependency:go-offline\nCOPY src ./src\n"
            + "RUN mvn -B -q package -DskipTests\n");
    padding(out, random);
    out.append("FROM eclipse-temurin:21-jre")
        .append(random.nextBoolean() ? "" : "-alpine")
        .append("\nCOPY --from=build /build/target/app.jar /app/app.jar\n");
    out.append("RUN addgroup --system app && adduser --system --ingroup app app\n");
    out.append("RUN chown -R app:app /app\nUSER app\n");
    out.append("ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]\n");
  }

  private static void tools(StringBuilder out, Random random) {
    if (random.nextBoolean()) {
      out.append("FROM alpine").append(random.nextBoolean() ? ":3.20" : "").append('\n');
      out.append("RUN apk add ")
          .append(random.nextBoolean() ? "--no-cache " : "")
          .append("curl jq bash\n");
    } else {
      out.append("FROM debian:12\n");
      apt(out, random);
      out.append(
          "RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz\n"
              + "RUN tar -xzf /tmp/tool.tgz -C /usr/local/bin\n"
              + "RUN rm -f /tmp/tool.tgz\n");
    }
    padding(out, random);
    out.append("RUN cd /usr/local/bin\nENTRYPOINT [\"tool\"]\n");
  }
}
