# The web app for docker-compose.yml. No Docker engine runs on the project's own machines, so this
# file is kept correct by reading; see README.md.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props global.json Kreminna1325.sln ./
COPY src/Kreminna1325.Core/Kreminna1325.Core.csproj src/Kreminna1325.Core/
COPY src/Kreminna1325.Web/Kreminna1325.Web.csproj src/Kreminna1325.Web/
RUN dotnet restore src/Kreminna1325.Web/Kreminna1325.Web.csproj
COPY src/ src/
RUN dotnet publish src/Kreminna1325.Web/Kreminna1325.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# curl for the health check (the image already carries ICU, which Ukrainian formats need).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "Kreminna1325.Web.dll"]
