FROM scratch
COPY hello /hello
CMD ["/hello"]
