FROM alpine
ARG V=x
ENV a='$V' b="$V" c=\$V d="\$V" e="q\"q" f=a\ b
LABEL "com.example.key"="some value" plain=yes
