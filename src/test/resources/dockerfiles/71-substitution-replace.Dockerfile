ARG VERSION=1.2.3
FROM alpine:${VERSION/.*/}
ARG VERSION
ARG MIRROR=http://dl-cdn.alpinelinux.org/alpine
ENV TAG=v${VERSION//./-} \
    FIRST=${VERSION/./_} \
    SECURE=${MIRROR/http:\/\//https://} \
    PATHS="${PATH//:/ }"
WORKDIR /opt/${VERSION//[.]/x}
COPY app-${VERSION/%.3/}.tar /opt/
