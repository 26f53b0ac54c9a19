/**
 * Components the sync issue contributes (status in the popup, settings in the
 * options page). A glob import finds them when their files exist and yields
 * nothing when they do not, so both pages build either way. Export/import and
 * embedded reviews exist and are imported directly.
 */
import type { FunctionComponent } from 'preact';

export type SlotName = 'SyncStatus' | 'SyncSettings';

const modules = import.meta.glob<Record<string, unknown>>(
  ['./SyncStatus.tsx', './SyncSettings.tsx'],
  { eager: true },
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function slotComponent(name: SlotName): FunctionComponent<any> | null {
  const module = modules[`./${name}.tsx`];
  const component = module?.[name] ?? module?.default;
  return typeof component === 'function' ? (component as FunctionComponent) : null;
}
