ARG A=1 B=${A}0 C
ARG D=${C:-default}
FROM alpine:${B}${D}
