FROM node:20
ONBUILD COPY package*.json ./
ONBUILD RUN npm ci --omit=dev
onbuild ENV A=$B
