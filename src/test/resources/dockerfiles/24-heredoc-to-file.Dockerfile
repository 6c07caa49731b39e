FROM alpine
RUN cat <<EOF > /etc/app.conf && chmod 0644 /etc/app.conf
key=value
EOF
