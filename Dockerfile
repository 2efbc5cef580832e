# syntax=docker/dockerfile:1
# tracker: one binary (web pages, API, offline commands) in a small Debian
# image. SQLite needs cgo, so the builder has gcc (golang:*-bookworm does)
# and the runtime has the matching glibc (debian:bookworm-slim).
#
#   docker build --build-arg VERSION=$(git describe --tags --always) -t tracker .

FROM golang:1.26-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=1 GOFLAGS=-mod=mod
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/tracker ./cmd/tracker

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 tracker \
 && useradd --system --uid 10001 --gid 10001 --home-dir /data --shell /usr/sbin/nologin tracker \
 && mkdir -p /data \
 && chown 10001:10001 /data
COPY --from=build /out/tracker /usr/local/bin/tracker
ENV TRACKER_DB=/data/tracker.db TRACKER_ADDR=0.0.0.0:8080 TZ=Asia/Shanghai
USER 10001:10001
WORKDIR /data
VOLUME /data
EXPOSE 8080
# The slim image has no curl: the binary checks /healthz itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/usr/local/bin/tracker", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/tracker"]
CMD ["serve"]
