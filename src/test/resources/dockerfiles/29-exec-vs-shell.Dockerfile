FROM alpine
CMD ["nginx", "-g", "daemon off;"]
ENTRYPOINT /docker-entrypoint.sh
RUN [ "sh", "-c", "echo $HOME" ]
CMD ["a"] trailing
CMD [not json]
