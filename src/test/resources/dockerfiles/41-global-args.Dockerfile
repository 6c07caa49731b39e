ARG PY=3.12
ARG VARIANT=slim
ARG IMAGE=python:${PY}-${VARIANT}
FROM ${IMAGE}
RUN python --version
