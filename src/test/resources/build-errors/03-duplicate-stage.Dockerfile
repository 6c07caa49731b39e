FROM alpine AS app
FROM alpine AS App
