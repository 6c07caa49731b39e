# syntax=docker/dockerfile:1
FROM python:3.12
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \
    --mount=type=secret,id=pip_conf,target=/etc/pip.conf \
    pip install -r /tmp/requirements.txt
