# rumourbot image: build wheels in one stage, install them into a slim runtime stage.
#
#   docker build -t rumourbot .
#   docker run -d -e DISCORD_TOKEN=... -e TELEGRAM_TOKEN=... -v rumourbot-data:/data rumourbot
#
# The database lives in /data (keep it on a volume). The bundled config/ can be replaced with
# your own, read-only:  -v ./config:/app/config:ro
#
# docker-compose.yml runs this image on PostgreSQL, one container per role (`rumourbot run --role`),
# health-checked through RUMOURBOT_HTTP__LISTEN=0.0.0.0:8080 (/healthz) with Python's urllib: the
# image has no curl.

# ---- builder: wheels for rumourbot and every runtime dependency ---------------------------------
FROM python:3.11-slim AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
# A current pip: older ones miss lxml's renamed "html-clean" extra, which trafilatura needs.
RUN python -m pip install --upgrade pip \
    && python -m pip wheel --wheel-dir /wheels .

# ---- runtime ------------------------------------------------------------------------------------
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    RUMOURBOT_STORE__URL=sqlite:////data/rumourbot.db

RUN useradd --system --create-home --home-dir /home/rumourbot --shell /usr/sbin/nologin rumourbot \
    && mkdir -p /data \
    && chown rumourbot:rumourbot /data

COPY --from=builder /wheels /tmp/wheels
RUN python -m pip install --upgrade pip \
    && python -m pip install --no-index --find-links /tmp/wheels rumourbot \
    && rm -rf /tmp/wheels

WORKDIR /app
COPY config ./config

USER rumourbot
VOLUME /data
# The operator endpoint (/healthz, /metrics), when RUMOURBOT_HTTP__LISTEN=0.0.0.0:8080 turns it on.
EXPOSE 8080

CMD ["rumourbot", "run"]
