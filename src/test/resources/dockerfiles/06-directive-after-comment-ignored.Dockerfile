# a normal comment
# escape=`
FROM alpine
RUN echo a \
  b
