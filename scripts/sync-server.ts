/**
 * A local CouchDB-compatible server for development, demos, tests and benchmarks:
 * express-pouchdb over PouchDB (LevelDB on disk, or memory), bound to 127.0.0.1.
 *
 *   npm run sync-server              → http://127.0.0.1:5984, data in ./.sync-data
 *   PORT=6000 npm run sync-server    → another port
 *   npm run sync-server -- --memory  → nothing written to disk
 *
 * Other scripts import `startSyncServer` (npm start, tests, the sync benchmark).
 *
 * Choices, after reading express-pouchdb 4.2 and pouchdb-server 4.2:
 * - mode `minimumForPouchDB`: every route the replication protocol needs
 *   (_changes, _revs_diff, _bulk_docs, _bulk_get, open_revs, _local docs) and none
 *   of the "full CouchDB" parts, which write config.json and log files into the
 *   working directory and add auth/validation layers the demo does not use.
 * - CORS: pouchdb-server enables it for every origin; here only extension origins
 *   (chrome-extension://, moz-extension://) and loopback pages are answered, with
 *   credentials, because this server is for the extension only.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export interface SyncServerOptions {
  /** 0 picks a free port. Default 5984. */
  port?: number;
  /** Where LevelDB files go (ignored in memory). Default ./.sync-data */
  dataDir?: string;
  /** Keep everything in memory (tests, benchmarks). */
  inMemory?: boolean;
  /** Print each request (method, path, status, ms). */
  log?: boolean;
  /** Runs before the CouchDB routes (tests put an authentication gate here). */
  before?: (req: any, res: any, next: () => void) => void;
}

export interface SyncServer {
  /** e.g. http://127.0.0.1:5984 (no trailing slash) */
  url: string;
  port: number;
  close(): Promise<void>;
}

const ALLOWED_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[^/]+$|^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

function corsMiddleware(req: any, res: any, next: () => void) {
  const origin = req.headers.origin as string | undefined;
  if (origin && ALLOWED_ORIGIN.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Content-Type');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE, COPY, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'Content-Type, Accept, Authorization');
      // Chromium's Private Network Access preflight for loopback targets.
      if (req.headers['access-control-request-private-network']) res.setHeader('Access-Control-Allow-Private-Network', 'true');
      res.setHeader('Access-Control-Max-Age', '600');
      res.statusCode = 204;
      res.end();
      return;
    }
  }
  next();
}

function createPouchDB(options: SyncServerOptions) {
  const PouchDB = require('pouchdb-core');
  if (options.inMemory) {
    return PouchDB.plugin(require('pouchdb-adapter-memory')).defaults({ adapter: 'memory' });
  }
  const dataDir = resolve(options.dataDir ?? '.sync-data');
  mkdirSync(dataDir, { recursive: true });
  return PouchDB.plugin(require('pouchdb-adapter-leveldb')).defaults({ adapter: 'leveldb', prefix: dataDir + '/' });
}

export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  // express comes with express-pouchdb (not a top-level dependency).
  const express = createRequire(require.resolve('express-pouchdb'))('express');
  const expressPouchDB = require('express-pouchdb');
  const PouchDB = createPouchDB(options);
  const app = express();
  app.disable('x-powered-by');
  app.use(corsMiddleware);
  if (options.log) {
    app.use((req: any, res: any, next: () => void) => {
      const started = performance.now();
      res.on('finish', () => console.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${(performance.now() - started).toFixed(0)}ms`));
      next();
    });
  }
  if (options.before) app.use(options.before);
  app.use(expressPouchDB(PouchDB, { mode: 'minimumForPouchDB' }));

  const server = await new Promise<import('node:http').Server>((resolvePromise, reject) => {
    const listening = app.listen(options.port ?? 5984, '127.0.0.1', () => resolvePromise(listening));
    listening.once('error', reject);
  });
  // Long-polling clients must not keep close() waiting.
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolvePromise());
      }),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const inMemory = args.includes('--memory');
  const port = Number(process.env.PORT ?? 5984);
  const dataDir = process.env.SYNC_DATA_DIR ?? '.sync-data';
  const server = await startSyncServer({ port, dataDir, inMemory, log: args.includes('--log') });
  console.log(`Sync server listening on ${server.url} (${inMemory ? 'in memory' : `data in ${resolve(dataDir)}`}).`);
  console.log(`The demo extension (FACTMARK_DEMO_SYNC=1) syncs with database "factmark" there. Ctrl+C stops it.`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
