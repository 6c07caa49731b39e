FROM alpine
RUN <<A <<B cat /dev/stdin
first
A
second
B
COPY <<one.txt <<two.txt /out/
1
one.txt
2
two.txt
