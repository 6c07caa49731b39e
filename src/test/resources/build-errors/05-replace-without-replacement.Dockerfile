FROM alpine
ARG V=1.2.3
WORKDIR /opt/${V//.}
