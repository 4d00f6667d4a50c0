# The SutWeb dashboard (and, with Simulator__Enabled=true, a standalone Eggplant simulator).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish SutWeb/SutWeb.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The data folder (the access cookies' key ring and the SQLite history database, sutweb.db) belongs to the image's
# non-root user "app", so a named volume mounted there starts out writable by it.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_URLS=http://+:8080
# The keys that protect access cookies live on the data volume, so a restarted container does not sign every screen out.
ENV Security__KeyRingPath=/app/data/keys
# The SQLite history database too (the default, "data" beside the app, is the same folder: said here so it stays so).
ENV History__DataDirectory=/app/data
EXPOSE 8080
# Never root: APP_UID is the "app" user that the .NET base images provide.
USER $APP_UID
# The runtime image has neither curl nor wget, but it has bash: ask /healthz over bash's /dev/tcp and look for 200.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "SutWeb.dll"]
