ARG REGISTRY
FROM ${REGISTRY:-docker.io}/library/alpine:3.20
