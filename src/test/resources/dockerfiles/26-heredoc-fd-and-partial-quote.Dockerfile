FROM alpine
RUN 3<<E"O"F cat /proc/self/fd/3
$HOME
EOF
