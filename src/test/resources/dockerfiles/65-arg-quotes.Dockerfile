ARG MSG="hello world" EMPTY="" PLAIN
FROM alpine
ARG MSG
LABEL msg=$MSG
