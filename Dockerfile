# syntax=docker/dockerfile:1
# The log-analysis service: runtime dependencies only, running as a non-root user.

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY pipeline ./pipeline
COPY bridges ./bridges
COPY storage ./storage
COPY web ./web
COPY sql ./sql
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    LOG_ANALYSIS_ENV=production \
    LOG_ANALYSIS_DATA_DIR=/var/lib/log-analysis \
    LOG_FORMAT=json \
    WEB_HOST=0.0.0.0 \
    WEB_PORT=8000
RUN groupadd --system app && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app \
    && mkdir -p /app /var/lib/log-analysis && chown app:app /var/lib/log-analysis
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
WORKDIR /app
USER app
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/', timeout=4).status != 200)"]
CMD ["sh", "-c", "log-analysis migrate && exec log-analysis worker --loglevel=info"]
