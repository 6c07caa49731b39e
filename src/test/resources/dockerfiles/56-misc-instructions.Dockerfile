FROM alpine
MAINTAINER Jane Doe <jane@example.com>
EXPOSE 80/tcp 443 ${PORT:-8080}
VOLUME /data /logs
VOLUME ["/cache"]
STOPSIGNAL SIGTERM
USER 1000:1000
WORKDIR /srv
LABEL org.opencontainers.image.title="demo" \
      org.opencontainers.image.version=1.0
