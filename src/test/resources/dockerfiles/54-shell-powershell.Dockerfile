# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Invoke-WebRequest https://x -OutFile x.zip; `
    Expand-Archive x.zip
SHELL ["cmd", "/S", "/C"]
RUN echo %PATH%
