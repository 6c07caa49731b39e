FROM alpine
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/f.tar.gz /tmp/
ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.14.0 /src
ADD --chmod=644 --exclude=*.md --exclude=docs/ . /app
