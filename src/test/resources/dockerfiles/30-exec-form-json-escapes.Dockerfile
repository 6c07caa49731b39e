FROM alpine
CMD ["echo", "tab\tnew\nline", "\u00e9", "quote\""]
ENTRYPOINT []
