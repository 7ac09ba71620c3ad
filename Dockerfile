# TapBot container image. Build from the repository root:
#   docker build -t tapbot .
# Run (secrets as environment variables or from Key Vault references, never baked into the image):
#   docker run -p 8080:8080 -e Bot__MicrosoftAppType=SingleTenant -e Bot__MicrosoftAppId=... -e Bot__MicrosoftAppTenantId=... \
#     -e Bot__MicrosoftAppPassword=... -e Graph__TenantId=... -e Graph__ClientId=... -e Graph__ClientSecret=... \
#     -e Audit__ChainKey=... -v tapbot-data:/data tapbot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The whole context: .dockerignore keeps .git, databases, keys, tests and build outputs out of it.
COPY . .
# For the platform being built (-a): ReadyToRun precompiles every assembly, so the first turns do not wait for the JIT
# (src/TapBot/TapBot.Runtime.props).
ARG TARGETARCH
RUN dotnet publish src/TapBot -c Release -a "${TARGETARCH:-amd64}" --self-contained false -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Listen on every interface inside the container. TapBot refuses to start this way without a bot registration
# (Bot:MicrosoftAppId), so an anonymous bot can never be exposed by accident.
ENV urls=http://0.0.0.0:8080 \
    Storage__DataDirectory=/data
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
EXPOSE 8080
USER $APP_UID
# Probes: GET /healthz (alive) and GET /readyz (warmed up, storage and Graph answer); configure them in the orchestrator.
ENTRYPOINT ["dotnet", "TapBot.dll"]
