
# syntax=docker/dockerfile:1
FROM alpine
