# sizebot ignore=SB302
FROM python:3.12
WORKDIR /app
RUN apt-get update
RUN apt-get install -y build-essential libpq-dev
COPY . .
RUN pip install -r requirements.txt
RUN pip install poetry && poetry install
RUN cd /app
CMD ["python", "-m", "app"]
