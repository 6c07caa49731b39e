FROM alpine
RUN <<EOF bash -ex
echo from heredoc
EOF
RUN python3 <<PY
print('not shell')
PY
