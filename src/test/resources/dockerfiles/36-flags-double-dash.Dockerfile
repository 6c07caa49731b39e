FROM alpine
RUN -- --not-a-flag
COPY --chown=1 -- --weird-name /dst
