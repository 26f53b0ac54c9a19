import { describe, expect, it } from 'vitest';
import { EchoReader } from '../../../utils/sync/replicator';

/** A _changes feed served from a list: `since` is a row's seq (0 = start). */
function feed(rows: { id: string; rev: string; seq: number | null }[]) {
  const calls: { since: string; limit: number }[] = [];
  const client = {
    async request(path: string, options: { query?: Record<string, string | number | boolean> } = {}) {
      expect(path).toBe('_changes');
      const since = String(options.query!.since);
      const limit = Number(options.query!.limit);
      calls.push({ since, limit });
      const start = since === '0' ? 0 : rows.findIndex((row) => String(row.seq) === since) + 1;
      const page = rows.slice(start, start + limit);
      const results = page.map((row) => ({ id: `annotation:${row.id}`, seq: row.seq, changes: [{ rev: row.rev }] }));
      return { status: 200, contentType: 'application/json', body: { results, last_seq: page.at(-1)?.seq ?? since } as any };
    },
  };
  return { client, calls };
}

const idle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reading the echo of a push while it runs', () => {
  it('moves past recorded pushes, waits at a batch still in flight, and goes on after its acknowledgement', async () => {
    const rows = [
      { id: 'a', rev: '1-a', seq: 1 },
      { id: 'b', rev: '1-b', seq: 2 },
      { id: 'c', rev: '1-c', seq: 3 },
    ];
    const { client, calls } = feed(rows);
    const memory = { pushed: new Map([['a', '1-a'], ['x', '1-x']]), inFlight: new Set(['b', 'c']) };
    const reader = new EchoReader(client, 0, memory, 100);
    reader.poke();
    await idle();
    // Two pushes recorded, so two rows asked for; 'b' is in flight: wait there.
    expect(calls).toEqual([{ since: '0', limit: 2 }]);
    memory.inFlight.clear();
    memory.pushed.set('b', '1-b').set('c', '1-c');
    reader.poke();
    expect(await reader.finish()).toBe(3);
    expect(calls.slice(1)).toEqual([{ since: '1', limit: 3 }]);
  });

  it('stops at a change it did not push, and leaves it and everything after it to the pull', async () => {
    const rows = [
      { id: 'a', rev: '1-a', seq: 1 },
      { id: 'theirs', rev: '1-t', seq: 2 },
      { id: 'b', rev: '1-b', seq: 3 },
    ];
    const { client, calls } = feed(rows);
    const memory = { pushed: new Map([['a', '1-a'], ['b', '1-b'], ['x', '1-x']]), inFlight: new Set<string>() };
    const reader = new EchoReader(client, 0, memory, 100);
    reader.poke();
    await idle();
    reader.poke(); // closed: no more reading
    expect(await reader.finish()).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it('a recorded note whose row has another revision too (a conflict) is for the pull', async () => {
    const { client } = feed([{ id: 'a', rev: '2-theirs', seq: 1 }]);
    const reader = new EchoReader(client, 5, { pushed: new Map([['a', '2-mine']]), inFlight: new Set() }, 100);
    reader.poke();
    expect(await reader.finish()).toBe(5);
  });

  it('a failing read ends the reading ahead without failing the sync (the pull reads it again)', async () => {
    const client = { request: async () => Promise.reject(new Error('network down')) };
    const reader = new EchoReader(client, '0-opaque', { pushed: new Map([['a', '1-a']]), inFlight: new Set() }, 100);
    reader.poke();
    expect(await reader.finish()).toBe('0-opaque');
  });
});
