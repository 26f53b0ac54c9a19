import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../../utils/background/handlers';
import { saveAnnotation } from '../../../utils/db/repository';
import { openDatabase } from '../../../utils/db/schema';
import { type Broadcast, dispatch, type Origin, senderOrigin, toErrorPayload } from '../../../utils/messages';
import { dumpDatabase } from '../db/dump';

const PAGE = 'https://news.example/a';
const draft = {
  pageUrl: PAGE,
  kind: 'claim' as const,
  quote: '엔비디아 H100 GPU 10만개',
  selectors: [{ type: 'TextQuoteSelector' as const, exact: '엔비디아 H100 GPU 10만개' }],
  sources: [],
  tags: ['AI'],
};

async function setup() {
  const db = openDatabase(`handlers-${Math.random()}`);
  const existing = await saveAnnotation(db, draft);
  const broadcasts: Broadcast[] = [];
  const handlers = createHandlers({ db, broadcast: (m) => broadcasts.push(m) });
  return { db, existing, broadcasts, handlers };
}

const bad: [string, unknown, Origin | null, string][] = [
  ['a string', 'annotation.save', 'extension', 'invalid'],
  ['null', null, 'extension', 'invalid'],
  ['an array', [{ type: 'annotation.save' }], 'extension', 'invalid'],
  ['an unknown type', { type: 'annotations.dropAll', payload: {} }, 'extension', 'unknown-type'],
  ['a prototype key as type', { type: '__proto__', payload: {} }, 'extension', 'unknown-type'],
  ['a note without quote', { type: 'annotation.save', payload: { annotation: { ...draft, quote: undefined } } }, 'page', 'invalid'],
  ['an unknown verdict', { type: 'annotation.save', payload: { annotation: { ...draft, verdict: 'pants-on-fire' } } }, 'page', 'invalid'],
  ['a page URL that is no URL', { type: 'annotation.save', payload: { annotation: { ...draft, pageUrl: 'news.example/a' } } }, 'page', 'invalid'],
  ['an oversized quote', { type: 'annotation.save', payload: { annotation: { ...draft, quote: 'x'.repeat(100_001) } } }, 'page', 'invalid'],
  ['a bad colour', { type: 'annotation.save', payload: { annotation: { ...draft, color: 'red;background:url(x)' } } }, 'page', 'invalid'],
  ['an update with a bad verdict', { type: 'annotation.update', payload: { id: 'x', patch: { verdict: 'maybe' } } }, 'extension', 'invalid'],
  ['an import with one bad row', { type: 'annotations.import', payload: { annotations: [{ id: 'ok' }] } }, 'extension', 'invalid'],
  ['clear without confirm', { type: 'annotations.clear', payload: {} }, 'extension', 'invalid'],
  ['settings.set from a page', { type: 'settings.set', payload: { patch: { minScore: 0 } } }, 'page', 'forbidden'],
  ['import from a page', { type: 'annotations.import', payload: { annotations: [] } }, 'page', 'forbidden'],
  ['clear from a page', { type: 'annotations.clear', payload: { confirm: true } }, 'page', 'forbidden'],
  ['a save from an unknown sender', { type: 'annotation.save', payload: { annotation: draft } }, null, 'forbidden'],
  ['an update of a missing note', { type: 'annotation.update', payload: { id: 'missing', patch: { verdict: 'true' } } }, 'extension', 'not-found'],
  ['a delete of a missing note', { type: 'annotation.delete', payload: { id: 'missing' } }, 'page', 'not-found'],
  ['an unknown setting', { type: 'settings.set', payload: { patch: { evil: 1 } } }, 'extension', 'internal'],
];

describe('text.scan', () => {
  it('scans article text in the worker, for a page only, and writes nothing', async () => {
    const { db, handlers, broadcasts } = await setup();
    const before = await dumpDatabase(db);
    const reply = await dispatch(handlers, { type: 'text.scan', payload: { text: 'H100 GPU 10만개를 탑재했다.\n매출이 17% 늘었다.' } }, 'page', 1);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const scan = reply.data as { lang: string; figures: Array<{ text: string; value?: number }>; claims: unknown[] };
    expect(scan.lang).toBe('ko');
    expect(scan.figures.map((f) => [f.text, f.value])).toEqual([['10만개', 100000], ['17%', 17]]);
    expect(scan.claims).toHaveLength(2);
    expect(await dumpDatabase(db)).toEqual(before);
    expect(broadcasts).toEqual([]);
    const refused = await dispatch(handlers, { type: 'text.scan', payload: { text: 42 } }, 'page', 1);
    expect(refused.ok).toBe(false);
  });

  it("writes the figure checks' messages in the reader's UI language, whatever the page's", async () => {
    const { handlers } = await setup();
    const text = '그록3는 엔비디아 H100 GPU 10만개를 탑재한 슈퍼컴퓨터에서 훈련됐다. H100은 최대 60페타플롭스의 연산 성능을 제공한다. 그록3의 훈련에는 총 6엑사플롭스의 연산량이 동원됐다.';
    const i18n = fakeBrowser.i18n as unknown as { getUILanguage: () => string };
    const scanAs = async (ui: string) => {
      i18n.getUILanguage = () => ui;
      const reply = await dispatch(handlers, { type: 'text.scan', payload: { text } }, 'page', 1);
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return (reply.data as { checks: Array<{ kind: string; figures: number[]; message: string }> }).checks;
    };
    const korean = await scanAs('ko');
    const english = await scanAs('en-US');
    expect(korean.map((c) => c.kind)).toEqual(['product', 'dimension']);
    // The same checks on the same figures: the page is read as Korean either way.
    expect(english.map((c) => [c.kind, c.figures])).toEqual(korean.map((c) => [c.kind, c.figures]));
    expect(korean.every((c) => c.message.includes('확인이 필요합니다'))).toBe(true);
    expect(english.every((c) => c.message.includes('worth verifying'))).toBe(true);
    // The asking view's language wins over the worker's (they differ in Chromium without its locale files).
    i18n.getUILanguage = () => 'en-US';
    const asked = await dispatch(handlers, { type: 'text.scan', payload: { text, checkLanguage: 'ko' } }, 'page', 1);
    expect(asked.ok && (asked.data as { checks: Array<{ message: string }> }).checks.map((c) => c.message)).toEqual(korean.map((c) => c.message));
    const unknown = await dispatch(handlers, { type: 'text.scan', payload: { text, checkLanguage: 'fr' } }, 'page', 1);
    expect(unknown.ok).toBe(false);
  });

  it("reads only the paragraphs in the reader's languages", async () => {
    const { handlers } = await setup();
    const text = 'H100 GPU 10만개를 탑재했다.\nSales rose 17 percent last year.';
    const reply = await dispatch(handlers, { type: 'text.scan', payload: { text, languages: ['en'] } }, 'page', 1);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const scan = reply.data as { text: string; figures: Array<{ text: string }>; claims: Array<{ text: string }> };
    expect(scan.text).toBe(text);
    expect(scan.figures.map((f) => f.text)).toEqual(['17 percent']);
    expect(scan.claims.map((c) => c.text)).toEqual(['Sales rose 17 percent last year.']);
    const tooMany = await dispatch(handlers, { type: 'text.scan', payload: { text, languages: Array(21).fill('en') } }, 'page', 1);
    expect(tooMany.ok).toBe(false);
  });
});

describe('dispatch + createHandlers: refused messages change nothing', () => {
  it.each(bad)('refuses %s with a clear error', async (_label, message, origin, code) => {
    const { db, broadcasts, handlers } = await setup();
    const before = await dumpDatabase(db);
    const reply = await dispatch(handlers, message, origin, 1);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe(code);
    expect(reply.error.message.length).toBeGreaterThan(10);
    expect(reply.error.message).not.toMatch(/\n|Dexie/); // plain words, no wrapped stack
    expect(await dumpDatabase(db)).toEqual(before);
    expect(broadcasts).toEqual([]);
  });

  it('names the failing field in an invalid payload', async () => {
    const { handlers } = await setup();
    const reply = await dispatch(handlers, { type: 'annotation.save', payload: { annotation: { ...draft, verdict: 'nope' } } }, 'page');
    expect(!reply.ok && reply.error.message).toMatch(/annotation\.verdict/);
  });

  it('accepts a valid save, writes note + outbox and broadcasts to every view', async () => {
    const { db, broadcasts, handlers } = await setup();
    const reply = await dispatch(handlers, { type: 'annotation.save', payload: { annotation: { ...draft, quote: '60페타플롭스' } } }, 'page', 3);
    expect(reply.ok).toBe(true);
    expect(await db.annotations.count()).toBe(2);
    expect(await db.outbox.count()).toBe(2);
    expect(broadcasts).toHaveLength(1);
    expect(broadcasts[0]).toMatchObject({ type: 'annotations.changed', payload: { pageUrls: [PAGE] } });
  });

  it('clears every live note once and broadcasts exactly the notes it removed', async () => {
    const { db, existing, broadcasts, handlers } = await setup();
    const other = await saveAnnotation(db, { ...draft, pageUrl: 'https://news.example/b' });
    const gone = await saveAnnotation(db, { ...draft, pageUrl: 'https://news.example/c' });
    await dispatch(handlers, { type: 'annotation.delete', payload: { id: gone.id } }, 'extension');
    broadcasts.length = 0;
    const reply = await dispatch(handlers, { type: 'annotations.clear', payload: { confirm: true } }, 'extension');
    expect(reply).toMatchObject({ ok: true, data: { removed: 2 } });
    expect(await db.annotations.filter((a) => !a.deleted).count()).toBe(0);
    expect(broadcasts).toHaveLength(1);
    expect(broadcasts[0].type).toBe('annotations.changed');
    const payload = broadcasts[0].payload as { pageUrls: string[]; ids: string[] };
    expect([...payload.pageUrls].sort()).toEqual([PAGE, 'https://news.example/b']);
    expect([...payload.ids].sort()).toEqual([existing.id, other.id].sort());
    const again = await dispatch(handlers, { type: 'annotations.clear', payload: { confirm: true } }, 'extension');
    expect(again).toMatchObject({ ok: true, data: { removed: 0 } });
    expect(broadcasts).toHaveLength(1);
  });

  it('applies a one-click verdict update and broadcasts it', async () => {
    const { db, existing, broadcasts, handlers } = await setup();
    const reply = await dispatch(handlers, { type: 'annotation.update', payload: { id: existing.id, patch: { verdict: 'half-true' } } }, 'extension');
    expect(reply.ok).toBe(true);
    expect((await db.annotations.get(existing.id))?.verdict).toBe('half-true');
    expect(broadcasts[0]).toMatchObject({ type: 'annotations.changed', payload: { ids: [existing.id] } });
    const cleared = await dispatch(handlers, { type: 'annotation.update', payload: { id: existing.id, patch: {}, clearVerdict: true } }, 'extension');
    expect(cleared.ok).toBe(true);
    expect((await db.annotations.get(existing.id))?.verdict).toBeUndefined();
  });

  it('refuses an import that has one bad row among good ones, writing none', async () => {
    const { db, existing, handlers } = await setup();
    const before = await dumpDatabase(db);
    const good = { ...existing, id: 'new-1' };
    const reply = await dispatch(handlers, { type: 'annotations.import', payload: { annotations: [good, { ...good, id: 'new-2', createdAt: 'yesterday' }] } }, 'extension');
    expect(!reply.ok && reply.error.message).toMatch(/annotations\.1\.createdAt/);
    expect(await dumpDatabase(db)).toEqual(before);
  });
});

describe('storage quota', () => {
  it('surfaces a QuotaExceededError during a write as code "quota" in plain words, writing nothing', async () => {
    const { db, broadcasts, handlers } = await setup();
    const before = await dumpDatabase(db);
    db.annotations.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const reply = await dispatch(handlers, { type: 'annotation.save', payload: { annotation: draft } }, 'page');
    expect(reply).toEqual({ ok: false, error: { code: 'quota', message: expect.stringMatching(/storage is full/i) } });
    expect(await dumpDatabase(db)).toEqual(before);
    expect(broadcasts).toEqual([]);
  });

  it('recognises a quota error wrapped in a transaction abort', () => {
    const inner = new DOMException('quota', 'QuotaExceededError');
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner });
    expect(toErrorPayload(abort).code).toBe('quota');
    expect(toErrorPayload(new Error('boom')).code).toBe('internal');
  });

  it('surfaces a quota error from a mocked table in a bulk import', async () => {
    const { db, existing, handlers } = await setup();
    const spy = vi.spyOn(db.annotations, 'bulkPut').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const reply = await dispatch(handlers, { type: 'annotations.import', payload: { annotations: [{ ...existing, id: 'n2' }] } }, 'extension');
    expect(!reply.ok && reply.error.code).toBe('quota');
    spy.mockRestore();
    expect(await db.annotations.get('n2')).toBeUndefined();
  });
});

describe('senderOrigin', () => {
  const ID = 'abcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  it('trusts our pages and our content scripts only', () => {
    expect(senderOrigin({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('extension');
    expect(senderOrigin({ id: ID, url: `${ORIGIN}popup.html?tabId=4`, tab: { id: 9 } }, ID, ORIGIN)).toBe('extension');
    expect(senderOrigin({ id: ID, url: 'https://news.example/a', tab: { id: 3 } }, ID, ORIGIN)).toBe('page');
  });
  it('refuses another extension and a sender with neither tab nor our origin', () => {
    expect(senderOrigin({ id: 'otherextensionid', url: `chrome-extension://otherextensionid/x.html` }, ID, ORIGIN)).toBeNull();
    expect(senderOrigin({ id: 'otherextensionid', tab: { id: 3 }, url: 'https://evil.example' }, ID, ORIGIN)).toBeNull();
    expect(senderOrigin({ id: ID, url: 'https://evil.example/' }, ID, ORIGIN)).toBeNull();
    expect(senderOrigin({ id: ID }, ID, ORIGIN)).toBeNull();
    expect(senderOrigin({}, ID, ORIGIN)).toBeNull();
  });
  it('refuses a page URL that merely contains our origin', () => {
    expect(senderOrigin({ id: ID, url: `https://evil.example/?${ORIGIN}` }, ID, ORIGIN)).toBeNull();
  });
});
