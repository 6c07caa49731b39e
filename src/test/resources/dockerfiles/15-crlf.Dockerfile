FROM alpine AS base
RUN apk add --no-cache curl \
    jq
CMD ["sh"]
