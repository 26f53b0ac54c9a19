/**
 * Components other issues contribute (sync status, export/import, embedded
 * ClaimReviews, sync settings). A glob import finds them when their files
 * exist and yields nothing when they do not, so the popup builds either way.
 */
import type { FunctionComponent } from 'preact';

export type SlotName = 'SyncStatus' | 'ExportImport' | 'EmbeddedReviews' | 'SyncSettings';

const modules = import.meta.glob<Record<string, unknown>>(
  ['./SyncStatus.tsx', './ExportImport.tsx', './EmbeddedReviews.tsx', './SyncSettings.tsx'],
  { eager: true },
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function slotComponent(name: SlotName): FunctionComponent<any> | null {
  const module = modules[`./${name}.tsx`];
  const component = module?.[name] ?? module?.default;
  return typeof component === 'function' ? (component as FunctionComponent) : null;
}
