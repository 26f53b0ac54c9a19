/** Styles for the Sync* components, using the theme's variables (light and dark). */
export const SYNC_STYLES = `
.sync-status { display: grid; gap: 6px; }
.sync-status.compact { padding: 6px 12px; border-bottom: 1px solid var(--border, #d7dae1); grid-template-columns: 1fr auto; align-items: center; }
.sync-status.compact .sync-error, .sync-status.compact .sync-conflicts-list { grid-column: 1 / -1; }
.sync-line { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; min-width: 0; }
.sync-dot { width: 8px; height: 8px; border-radius: 50%; background: var(--muted, #5b6170); flex-shrink: 0; }
.sync-dot-idle { background: #2e9d57; }
.sync-dot-syncing { background: var(--accent, #2457c5); }
.sync-dot-error { background: var(--error, #b3261e); }
.sync-pending { color: var(--muted, #5b6170); }
.sync-error { color: var(--error, #b3261e); margin: 0; overflow-wrap: anywhere; }
.sync-ok { color: #2e7d4f; margin: 0; }
.sync-now { justify-self: start; }
.sync-conflicts-list ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
.sync-conflict { border: 1px solid var(--border, #d7dae1); border-radius: 8px; padding: 8px; }
.sync-conflict-quote { margin: 0 0 8px; padding-left: 8px; border-left: 3px solid var(--muted-border, #c4c8d0); overflow-wrap: anywhere; }
.sync-versions { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 8px; }
.sync-version-choice { display: grid; gap: 6px; align-content: space-between; background: var(--surface, #f5f6f8); border-radius: 6px; padding: 6px; }
.sync-version-label { margin: 0; font-weight: 600; font-size: 12px; }
.sync-version dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; font-size: 13px; }
.sync-version dt { color: var(--muted, #5b6170); }
.sync-version dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
.sync-version .sync-field-differs { font-weight: 600; }
.sync-version dd.sync-field-differs { background: var(--highlight, #fff4c2); color: inherit; border-radius: 3px; padding: 0 2px; }
.sync-differs { font-weight: 400; font-size: 11px; color: var(--muted, #5b6170); }
.sync-only-here { background: var(--highlight-strong, #ffe08a); color: inherit; border-radius: 2px; padding: 0 1px; }
.sync-merge { display: grid; gap: 6px; margin-top: 8px; padding-top: 8px; border-top: 1px dashed var(--border, #d7dae1); }
.sync-merge .hint { margin: 0; }
.sync-merge fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 2px; font-size: 13px; }
.sync-merge legend { padding: 0; font-weight: 600; font-size: 12px; margin-bottom: 2px; }
.sync-merged { background: var(--surface, #f5f6f8); border-radius: 6px; padding: 6px; }
.sync-merge-save { justify-self: start; }
.sync-version-choice button:focus-visible, .sync-merge button:focus-visible, .sync-merge input:focus-visible { outline: 2px solid var(--accent, #2457c5); outline-offset: 2px; }
.sync-settings form { display: grid; gap: 8px; margin-bottom: 12px; }
.sync-settings .row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.sync-settings .row.column { flex-direction: column; align-items: stretch; gap: 2px; }
.sync-settings input[type="url"], .sync-settings input[type="text"], .sync-settings input[type="password"], .sync-settings input[type="number"] { padding: 4px 6px; border: 1px solid var(--border, #d7dae1); border-radius: 6px; background: var(--bg, #fff); color: inherit; }
.sync-settings fieldset { border: 0; padding: 0; margin: 0; }
`;
