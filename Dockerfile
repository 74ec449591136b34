# jamun as a container: `docker build -t jamun .`, then `docker compose up` (compose.yaml)
# or `docker run --env-file .env -v ./config:/app/config:ro jamun`.
# Stage 1 installs with the build tools better-sqlite3 may need and generates
# the Prisma clients (postinstall) and bundles the sources; stage 2 keeps only what runs, as a plain user.
# At run time nothing is downloaded: no engine binary, no packages.

FROM node:22-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY src/adapters/prisma/generate-client.mjs ./src/adapters/prisma/generate-client.mjs
RUN npm ci --no-audit --no-fund
RUN npm prune --omit=dev --no-audit --no-fund
COPY src ./src
COPY config ./config
# The bundle bin.mjs runs (src/cli/build.mjs): start-up without compiling the sources through tsx.
RUN node src/cli/build.mjs

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATABASE_URL=file:/app/data/jamun.db \
    JAMUN_CONFIG_DIR=/app/config \
    JAMUN_HTTP_PORT=9464
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/src ./src
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/config ./config
RUN mkdir -p /app/data && chown node:node /app/data
# The image's unprivileged user (uid 1000); nothing runs as root.
USER node
VOLUME ["/app/data"]
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.JAMUN_HTTP_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "src/cli/bin.mjs"]
CMD ["start"]
