FROM alpine
ARG NAME=world
COPY <<"EOF" /quoted.txt
hello $NAME
EOF
COPY <<'EOF' /single.txt
hello ${NAME}
EOF
COPY <<EOF /expanded.txt
hello $NAME
EOF
