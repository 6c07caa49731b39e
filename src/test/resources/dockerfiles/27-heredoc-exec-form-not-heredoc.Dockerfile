FROM alpine
RUN ["echo", "<<EOF"]
CMD <<EOF
