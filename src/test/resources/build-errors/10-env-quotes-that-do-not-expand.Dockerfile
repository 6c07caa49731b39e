FROM alpine:3.20
ENV GREETING='it\'s' PATH=/usr/bin
LABEL note="C:\\conf\\" other="open
ENV HOME=/home/app
RUN echo $HOME
