# The image the GitHub Action runs in: sizebot on a jlink'd Java runtime, the docker CLI with buildx
# (for BuildKit builds) and git, on Debian slim. The Actions runner builds it from this file; the
# base images are build arguments so that it also builds from local stand-ins where no registry is
# reachable (scripts/standin-bases). Sizes of each part: docs/performance.md, "The action image".
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG BASE_IMAGE=debian:trixie-slim

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# One step, no dependency:go-offline layer: the runner builds this image afresh for every job,
# and go-offline asks for more than the build uses, which a pre-filled offline repository (the
# local stand-in's) does not have.
COPY pom.xml .
COPY src ./src
RUN mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package
# A runtime of only the modules the jar uses (jdeps), plus the TLS elliptic curves that reaching
# the GitHub API over HTTPS needs but no class names.
RUN jdeps --ignore-missing-deps --print-module-deps --multi-release 17 /src/target/sizebot.jar \
      > /modules \
 && jlink --add-modules "$(cat /modules),jdk.crypto.ec" --strip-debug --no-man-pages \
      --no-header-files --compress=2 --output /jre

# Only the client binaries out of Debian's docker-cli, docker-buildx and git packages: installing
# them would bring dockerd's dependencies and git's perl (over 60 MB) for nothing sizebot runs.
FROM ${BASE_IMAGE} AS tools
WORKDIR /debs
RUN apt-get update \
 && apt-get download docker-cli docker-buildx git \
 && for deb in ./*.deb; do dpkg-deb -x "$deb" /x; done \
 && rm -rf /var/lib/apt/lists/*

# The runner mounts the workspace and the docker socket and runs docker actions as root; a
# non-root USER could not write the workspace nor reach the socket, so root is deliberate here.
# sizebot ignore=SB302
FROM ${BASE_IMAGE}
COPY --from=tools /x/usr/bin/docker /x/usr/bin/git /usr/bin/
COPY --from=tools /x/usr/libexec/docker/cli-plugins/docker-buildx /usr/libexec/docker/cli-plugins/
COPY --from=build /jre /opt/java
COPY --from=build /src/target/sizebot.jar /opt/sizebot/target/sizebot.jar
COPY sizebot /opt/sizebot/sizebot
# The workspace belongs to the runner's user, not root: without safe.directory git refuses it.
RUN git config --system --add safe.directory '*'
# A container starts once per job, so a class-data archive would be written on every run and never
# reused; the launcher skips it.
ENV PATH=/opt/java/bin:$PATH SIZEBOT_CDS=off
ENTRYPOINT ["/opt/sizebot/sizebot"]
