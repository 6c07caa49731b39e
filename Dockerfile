# The image the GitHub Action runs in: sizebot on a jlink'd Java runtime, the docker CLI with buildx
# (for BuildKit builds) and git, on a trimmed Debian slim. The Actions runner builds it from this
# file; the base images are build arguments so that it also builds from local stand-ins where no
# registry is reachable (scripts/standin-bases). Issue 14's goal is at most 150 MB; the size of each
# part and what each trim saved: docs/performance.md, "The action image" (bench/action-image).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG BASE_IMAGE=debian:trixie-slim

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# One step, no dependency:go-offline layer: the runner builds this image afresh for every job,
# and go-offline asks for more than the build uses, which a pre-filled offline repository (the
# local stand-in's) does not have. The action-image profile leaves out of the jar the natives for
# systems and CPUs this image never runs on (pom.xml).
COPY pom.xml .
COPY src ./src
RUN mvn -B -q -ntp -P action-image -DskipTests -Dspotless.check.skip=true package
# A runtime of only the modules the jar uses (jdeps), plus the TLS elliptic curves that reaching
# the GitHub API over HTTPS needs but no class names. Left out although jdeps lists them (11 MB):
# java.desktop, reached only through java.beans (jackson's optional @ConstructorProperties
# support, snakeyaml's bean introspector, commons-compress's pack200) and JNA's AWT helpers, and
# java.compiler, reached only through errorprone's annotations. The test suite passes on a runtime
# without them (docs/performance.md).
RUN jdeps --ignore-missing-deps --print-module-deps --multi-release 17 /src/target/sizebot.jar \
      | tr , '\n' | grep -vx -e java.desktop -e java.compiler | paste -sd, > /modules \
 && jlink --add-modules "$(cat /modules),jdk.crypto.ec" --strip-debug --no-man-pages \
      --no-header-files --compress=2 --output /jre

# Only the client binaries out of Debian's docker-cli, docker-buildx and git packages: installing
# them would bring dockerd's dependencies and git's perl (over 60 MB) for nothing sizebot runs.
# The two Go binaries are 97 MB, so UPX packs them; a packed binary unpacks itself in memory at
# every exec. docker, exec'd about 3 times a job, packs from 31 to 8 MB with LZMA; buildx, exec'd
# twice per docker buildx command (its metadata, then the command), packs from 66 to 25 MB with
# UPX's faster-to-unpack NRV, where LZMA would save 9 MB more but cost 0.7 s more per exec. Level 1:
# every job's image build pays the packing (bench/action-image measures all of it).
FROM ${BASE_IMAGE} AS tools
WORKDIR /debs
RUN apt-get update \
 && apt-get install -y --no-install-recommends upx-ucl \
 && apt-get download docker-cli docker-buildx git \
 && for deb in ./*.deb; do dpkg-deb -x "$deb" /x; done \
 && upx -q --lzma -1 /x/usr/bin/docker \
 && upx -q -1 /x/usr/libexec/docker/cli-plugins/docker-buildx \
 && rm -rf /var/lib/apt/lists/*

# The base cut down to the packages the image runs and everything they depend on: dash (the
# launcher's sh), coreutils (its env and dirname), the C and C++ runtimes, zlib (the JRE's and
# git's) and pcre2 (git's). Whole packages with their dpkg status, so image scanners still see
# what is there; apt, dpkg, perl, bash, util-linux, passwd, systemd's tools and the rest (about 40
# MB) stay behind. Of the kept files only glibc's iconv modules go (8 MB of gconv): nothing here
# converts between legacy charsets (the JRE has its own; git only re-encodes commits that declare
# a non-UTF-8 encoding). /etc is copied whole for passwd, group and the loader's configuration.
FROM ${BASE_IMAGE} AS slim
RUN keep="$(apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts \
      --no-breaks --no-replaces --no-enhances \
      base-files dash coreutils libc6 libgcc-s1 libstdc++6 zlib1g libpcre2-8-0 | grep -v '^ ' | sort -u)" \
 && dpkg-query -L $keep | grep -v '/gconv' | sort -u > /files \
 && mkdir -p /slim/var/lib/dpkg/info \
 && tar -C / --no-recursion -cf - -T /files | tar -C /slim -xf - \
 && cp -a /etc/. /slim/etc/ \
 && dpkg-query -s $keep > /slim/var/lib/dpkg/status \
 && for p in $(dpkg-query -W -f '${binary:Package}\n' $keep); do \
      cp -a /var/lib/dpkg/info/"$p".list /slim/var/lib/dpkg/info/; \
      if [ -f /var/lib/dpkg/info/"$p".md5sums ]; then cp -a /var/lib/dpkg/info/"$p".md5sums /slim/var/lib/dpkg/info/; fi; \
    done \
 && ldconfig -r /slim

# The runner mounts the workspace and the docker socket and runs docker actions as root; a
# non-root USER could not write the workspace nor reach the socket, so root is deliberate here.
# sizebot ignore=SB302
FROM scratch
COPY --from=slim /slim/ /
COPY --from=tools /x/usr/bin/docker /x/usr/bin/git /usr/bin/
COPY --from=tools /x/usr/libexec/docker/cli-plugins/docker-buildx /usr/libexec/docker/cli-plugins/
COPY --from=build /jre /opt/java
COPY --from=build /src/target/sizebot.jar /opt/sizebot/target/sizebot.jar
COPY sizebot /opt/sizebot/sizebot
# The workspace belongs to the runner's user, not root: without safe.directory git refuses it.
RUN git config --system --add safe.directory '*'
# A container starts once per job, so a class-data archive would be written on every run and never
# reused; the launcher skips it. PATH in full: an image from scratch has none to extend.
ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin SIZEBOT_CDS=off
ENTRYPOINT ["/opt/sizebot/sizebot"]
