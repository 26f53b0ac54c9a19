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
  const row = await db.settings.get(KEY);
  return { ...DEFAULT_SETTINGS, ...((row?.value as Partial<Settings>) ?? {}) };
}

/** Applies a patch, keeping only known keys of the right type. */
export async function writeSettings(db: FactmarkDB, patch: Record<string, unknown>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await readSettings(db);
    const next = { ...current };
    if (Array.isArray(patch.disabledSites)) next.disabledSites = patch.disabledSites.filter((s): s is string => typeof s === 'string').slice(0, 1000);
    if (typeof patch.minScore === 'number' && patch.minScore >= 0 && patch.minScore <= 1) next.minScore = patch.minScore;
    if (Array.isArray(patch.languages)) next.languages = patch.languages.filter((s): s is string => typeof s === 'string').slice(0, 20);
    if (typeof patch.highlightDetections === 'boolean') next.highlightDetections = patch.highlightDetections;
    const unknownKeys = Object.keys(patch).filter((k) => !(k in DEFAULT_SETTINGS));
    if (unknownKeys.length) throw new Error(`Unknown setting: ${unknownKeys.join(', ')}.`);
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}

/** Whether detection is off on this host: it is a disabled site or a subdomain of one (content script and popup agree). */
export function detectionDisabledOn(hostname: string, disabledSites: readonly string[]): boolean {
  const host = siteOfHost(hostname);
  return disabledSites.some((site) => isOnSite(host, site));
}
