# rumourbot image: build wheels in one stage, install them into a slim runtime stage.
#
#   docker build -t rumourbot .
#   docker run -d -e DISCORD_TOKEN=... -e TELEGRAM_TOKEN=... -v rumourbot-data:/data rumourbot
#
# The database lives in /data (keep it on a volume). The bundled config/ can be replaced with
# your own, read-only:  -v ./config:/app/config:ro
#
# Every package comes from the lock files in requirements/ (exact versions, SHA-256 hashes; see
# the Makefile's `lock` target), so two builds of one commit install the same files.
#
# docker-compose.yml runs this image on PostgreSQL, one container per role (`rumourbot run --role`),
# with the operator endpoint on 0.0.0.0:8080 so that it is reachable inside the compose network.
# CI builds it with podman on a base image made from Debian's packages (`--build-arg BASE=…`,
# scripts/image-test.sh); the default is the official image.
ARG BASE=python:3.11-slim

# ---- builder: wheels for every runtime dependency, then for rumourbot ---------------------------
FROM ${BASE} AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /src
# The pinned pip, setuptools and wheel first; then a wheel of every locked dependency, each file
# checked against the lock's hashes. These layers change only when a lock file does.
COPY requirements/build.lock requirements/run.lock ./requirements/
RUN python -m pip install --require-hashes -r requirements/build.lock \
    && python -m pip wheel --require-hashes --no-deps --wheel-dir /wheels/deps -r requirements/run.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN python -m pip wheel --no-deps --no-build-isolation --wheel-dir /wheels/app .

# ---- runtime ------------------------------------------------------------------------------------
FROM ${BASE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    RUMOURBOT_STORE__URL=sqlite:////data/rumourbot.db \
    RUMOURBOT_HTTP__LISTEN=127.0.0.1:8080

RUN useradd --system --create-home --home-dir /home/rumourbot --shell /usr/sbin/nologin rumourbot \
    && mkdir -p /data \
    && chown rumourbot:rumourbot /data

# Exactly the wheels the builder made from the lock (whose hashes it checked), and nothing else:
# the dependencies in a layer of their own, which a change to bot/ leaves in the build cache.
COPY --from=builder /wheels/deps /tmp/wheels
RUN python -m pip install --no-index --no-deps /tmp/wheels/*.whl \
    && rm -rf /tmp/wheels
COPY --from=builder /wheels/app /tmp/wheels
RUN python -m pip install --no-index --no-deps /tmp/wheels/*.whl \
    && python -m pip check \
    && rm -rf /tmp/wheels

WORKDIR /app
COPY config ./config

USER rumourbot
VOLUME /data
# The operator endpoint (/healthz, /metrics, the status page). The image serves it on the
# container's loopback only, for the health check below; compose sets 0.0.0.0:8080.
EXPOSE 8080
# /healthz answers 200 once a feed has been fetched and every chat platform is connected (503
# before, with the reasons). The image has no curl; urlopen raises (exit 1) on an error status.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://' + os.environ.get('RUMOURBOT_HTTP__LISTEN', '127.0.0.1:8080').replace('0.0.0.0', '127.0.0.1') + '/healthz', timeout=5)"]

CMD ["rumourbot", "run"]
