FROM debian
RUN set -eux; \
    apt-get update; \
    if [ "$(dpkg --print-architecture)" = amd64 ]; then \
      apt-get install -y --no-install-recommends libc6-dev; \
    fi; \
    for p in a b; do echo "$p"; done; \
    pip install --no-cache-dir -r requirements.txt > /dev/null 2>&1 || true; \
    rm -rf /var/lib/apt/lists/*
