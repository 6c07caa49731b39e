# no FROM at all
ARG A=1
CMD ["x"]
EXPOSE 80
