FROM alpine
RUN echo \
  continued
RUNN echo typo
