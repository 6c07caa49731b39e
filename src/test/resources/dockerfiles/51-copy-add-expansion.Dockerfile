FROM alpine
ARG SRC=dist DST=/usr/share/app
COPY ${SRC}/ ${DST}/
ADD ["$SRC/a b.txt", "${DST}/"]
COPY --chown=${UID:-1000} --from=${STAGE:-builder} x /y
