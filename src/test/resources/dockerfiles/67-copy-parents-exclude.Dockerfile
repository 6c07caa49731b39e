# syntax=docker/dockerfile:1.7-labs
FROM alpine
COPY --parents --exclude=**/*.test ./src/**/*.go /app/
