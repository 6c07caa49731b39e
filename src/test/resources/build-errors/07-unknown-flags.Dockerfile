FROM alpine:3.20
COPY --user=app src/ /app/
ADD --chown=1:1 --keep=1 app.tgz /opt/
RUN apk add curl
