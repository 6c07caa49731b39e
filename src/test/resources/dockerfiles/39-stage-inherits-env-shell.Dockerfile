FROM debian AS base
ENV APP_HOME=/srv/app
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
FROM base AS dev
WORKDIR $APP_HOME
RUN curl -fsSL https://x | bash
