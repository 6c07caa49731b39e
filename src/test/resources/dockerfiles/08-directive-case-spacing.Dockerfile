#   Syntax =  docker/dockerfile:1.6  
#ESCAPE=\
FROM alpine
