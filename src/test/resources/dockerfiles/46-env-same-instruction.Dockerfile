FROM alpine
ENV X=old
ENV X=new Y=$X
ENV Z=$X
