FROM alpine
RUN --network=none --security=sandbox make test
RUN --network=host --mount=type=ssh git clone git@github.com:a/b.git
RUN --mount=type=tmpfs,target=/tmp true
