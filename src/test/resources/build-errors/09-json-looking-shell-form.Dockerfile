FROM alpine:3.20
CMD ['run', 'me']
ENTRYPOINT ["/bin/app", "--flag"
RUN ["echo", "unterminated]
VOLUME [/data]
SHELL ["/bin/sh", "-c"]
