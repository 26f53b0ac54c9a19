/** User settings (not credentials: those stay in storage.local, see utils/sync). */
import { isOnSite, siteOfHost } from '../db/page-url';
import type { FactmarkDB } from '../db/schema';

export interface Settings {
  /** Detection on or off per site (hostname → false disables). */
  disabledSites: string[];
  /** Claims below this check-worthiness are not highlighted. */
  minScore: number;
  /** Languages the detector runs for. */
  languages: string[];
  /** Show figure/claim highlights at all. */
  highlightDetections: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  disabledSites: [],
  minScore: 0.5,
  languages: ['ko', 'en'],
  highlightDetections: true,
};

const KEY = 'settings';

export async function readSettings(db: FactmarkDB): Promise<Settings> {
  return withDefaults((await db.settings.get(KEY))?.value);
}

/** The stored settings value over the defaults (a fresh profile has no row). */
export function withDefaults(stored: unknown): Settings {
  return { ...DEFAULT_SETTINGS, ...((stored as Partial<Settings> | undefined) ?? {}) };
}

/**
 * Takes each known key of `raw` that has the right type and range, and `base`'s value otherwise.
 * The background applies patches with it and the content script reads broadcasts with it, so both
 * accept exactly the same values.
 */
export function settingsFrom(raw: Record<string, unknown>, base: Settings = DEFAULT_SETTINGS): Settings {
  const strings = (value: unknown, max: number) => (Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string').slice(0, max) : undefined);
  return {
    disabledSites: strings(raw.disabledSites, 1000) ?? base.disabledSites,
    minScore: typeof raw.minScore === 'number' && raw.minScore >= 0 && raw.minScore <= 1 ? raw.minScore : base.minScore,
    languages: strings(raw.languages, 20) ?? base.languages,
    highlightDetections: typeof raw.highlightDetections === 'boolean' ? raw.highlightDetections : base.highlightDetections,
  };
}

/** Applies a patch, keeping only known keys of the right type. */
export async function writeSettings(db: FactmarkDB, patch: Record<string, unknown>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const unknownKeys = Object.keys(patch).filter((k) => !(k in DEFAULT_SETTINGS));
    if (unknownKeys.length) throw new Error(`Unknown setting: ${unknownKeys.join(', ')}.`);
    const next = settingsFrom(patch, await readSettings(db));
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}

/** Whether detection is off on this host: it is a disabled site or a subdomain of one (content script and popup agree). */
export function detectionDisabledOn(hostname: string, disabledSites: readonly string[]): boolean {
  const host = siteOfHost(hostname);
  return disabledSites.some((site) => isOnSite(host, site));
}
