# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# escape=\
FROM busybox
