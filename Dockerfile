# The service's image: the API by default; `node dist/src/worker.js` for a worker,
# `node dist/scripts/migrate.js` to migrate the schema (see compose.yaml and the README).

FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source where no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm install --no-fund --no-audit
COPY tsconfig.json tsconfig.build.json ormconfig.ts ./
COPY machines ./machines
COPY src ./src
COPY scripts ./scripts
COPY bench ./bench
COPY web ./web
RUN npm run build && npm prune --omit=dev --no-fund --no-audit

FROM node:24-bookworm-slim
# V8 grows the young generation to 128 MB under a steady stream of requests; 16 MB semi-spaces keep
# it at about 48 MB. The old generation's growth is bounded on the command line below (node refuses
# --heap-growing-percent in NODE_OPTIONS), as npm start runs it: docs/database.md, Memory.
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=16 \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The inspector's page is served from the sources' folder beside dist, the web app from web/dist.
COPY --from=build /app/src/inspector/page ./src/inspector/page
COPY --from=build /app/web/dist ./web/dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health/ready`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--heap-growing-percent=75", "dist/src/main.js"]
