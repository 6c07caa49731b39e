FROM alpine
RUN <<-EOT
	echo one
		echo two
	EOT
