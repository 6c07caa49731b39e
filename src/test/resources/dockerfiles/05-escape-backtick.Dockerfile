# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY C:\src\app `
     C:\app\
RUN dir C:\app `
    && echo done
WORKDIR C:\app
