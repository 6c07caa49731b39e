# a stray CMD, between a global ARG and the first FROM
ARG BASE=debian:12
CMD ["/app"]

FROM $BASE
RUN apt-get update && apt-get install -y curl
