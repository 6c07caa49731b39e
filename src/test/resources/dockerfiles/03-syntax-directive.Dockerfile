# syntax=docker/dockerfile:1.7
FROM debian:bookworm
RUN echo hi
