FROM alpine
ARG GREETING=hi
ADD <<EOF /greeting
$GREETING from add
EOF
