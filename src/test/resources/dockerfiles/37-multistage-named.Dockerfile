FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM gcr.io/distroless/base-debian12 AS runtime
COPY --from=build /app /app
USER nonroot:nonroot
ENTRYPOINT ["/app"]
