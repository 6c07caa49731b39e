# The image the GitHub Action runs in. Built by the Actions runner from this repository; it needs
# the docker CLI (with buildx, for BuildKit builds), git, and a Java 17 runtime.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so source edits do not re-download them.
COPY pom.xml .
RUN mvn -B -q -ntp dependency:go-offline
COPY src ./src
RUN mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package

# The runner mounts the workspace and the docker socket and runs docker actions as root; a
# non-root USER could not write the workspace nor reach the socket, so root is deliberate here.
# sizebot ignore=SB302
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends git docker.io docker-buildx \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/sizebot.jar /opt/sizebot/sizebot.jar
COPY sizebot /opt/sizebot/sizebot
COPY scripts/action-entrypoint /opt/sizebot/action-entrypoint
COPY scripts/cds-archive /opt/sizebot/scripts/cds-archive
COPY examples/*.tar /opt/sizebot/examples/
# The first launcher run writes the class-data archive every later run starts from (~0.4 s sooner).
RUN mkdir -p /opt/sizebot/target && ln -s /opt/sizebot/sizebot.jar /opt/sizebot/target/sizebot.jar \
 && /opt/sizebot/sizebot --version
ENTRYPOINT ["/opt/sizebot/sizebot"]
