FROM alpine
RUN sh <<'SCRIPT'
apk add --no-cache git
git --version
SCRIPT
