FROM alpine AS builder
RUN echo > /out
FROM alpine
COPY --from=builder --chown=app:app --chmod=0755 --link /out /usr/local/bin/out
COPY --link=false --chown="1000:1000" a b /dst/
