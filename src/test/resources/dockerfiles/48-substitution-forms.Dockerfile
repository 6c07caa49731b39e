FROM alpine
ARG SET=value EMPTY=
ARG UNSET
ENV a=${SET:-x} b=${EMPTY:-x} c=${EMPTY-x} d=${UNSET-x} \
    e=${SET:+y} f=${EMPTY:+y} g=${EMPTY+y} h=${UNSET+y}
ENV i=${SET#va} j=${SET%ue} k=${SET##*l} l=${SET%%l*}
