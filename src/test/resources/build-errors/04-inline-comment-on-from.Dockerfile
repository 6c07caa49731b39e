FROM alpine # inline comments do not exist
