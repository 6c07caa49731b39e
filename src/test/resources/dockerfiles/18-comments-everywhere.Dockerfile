# header
FROM alpine
  # indented comment
RUN echo '# not a comment' # still part of the command

# trailing
