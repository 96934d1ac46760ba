# Production-like image: gunicorn behind a TLS-terminating proxy, WhiteNoise for static files.
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# WeasyPrint needs Pango and HarfBuzz; fonts for the PDFs; pg_isready/psql for health checks.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
        fonts-dejavu-core fonts-liberation postgresql-client \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
# Runtime dependencies only (no [dev] extra), at the versions pinned in requirements.lock.
RUN pip install -c requirements.lock -e . \
    && DEBUG=true DATABASE_URL=postgres://build@localhost/build python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 --home-dir /app eenplan \
    && chown -R eenplan /app/staticfiles
USER eenplan

EXPOSE 8000
CMD ["gunicorn", "sociaaldomein.wsgi", "--bind", "0.0.0.0:8000", "--workers", "2", "--threads", "4", "--access-logfile", "-"]
