FROM alpine
ENV LEGACY value with  spaces
ENV A=1 B="two words" C='single $A' D=\$A
ENV E=$A F=${B:+set} G=${MISSING:-fallback}
