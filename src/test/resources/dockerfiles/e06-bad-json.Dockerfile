FROM alpine
CMD ["a", true]
