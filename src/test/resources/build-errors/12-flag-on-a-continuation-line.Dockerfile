FROM alpine:3.20
COPY --chown=1:1 \
     --mode=0644 \
     a b /dst/
SHELL sh -c
USER
