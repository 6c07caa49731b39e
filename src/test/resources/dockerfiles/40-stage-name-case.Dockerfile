FROM alpine AS Builder
FROM BUILDER as final
from builder
