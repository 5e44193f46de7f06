# Builds the `hientruong` server image. See docs/operations.md.
# The web app's bundle, which the release build compiles into the binary.
FROM node:20-bookworm-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM rust:1.95-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev pkg-config && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
COPY --from=web /src/web/dist web/dist
RUN cargo build --release --locked --bin hientruong

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /var/lib/hientruong --create-home hientruong
COPY --from=build /src/target/release/hientruong /usr/local/bin/hientruong
USER hientruong
ENV HIENTRUONG_BIND=0.0.0.0:8080 \
    HIENTRUONG_DATA_DIR=/var/lib/hientruong \
    HIENTRUONG_LOG_FORMAT=json
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["hientruong"]
CMD ["serve"]
