FROM ubuntu:latest
RUN apt-get update
RUN apt-get install -y python3 python3-pip build-essential
RUN pip3 install flask
COPY . /app
RUN chown -R www-data /app
RUN rm -rf /app/.git
CMD python3 /app/app.py
