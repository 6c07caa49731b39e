FROM python:3.12-slim
RUN <<EOF
#!/usr/bin/env python3
print('hi')
EOF
RUN <<EOF
#!/bin/bash
set -euo pipefail
echo ok
EOF
