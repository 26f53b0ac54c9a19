/**
 * Styles inside our shadow root. The host resets inherited page styles with
 * `all: initial`; nothing here can reach the page, and page CSS cannot reach in.
 */
export const PAGE_UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.fm-layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", "Noto Sans KR", sans-serif;
  color: #1d2330; --fm-bg: #ffffff; --fm-fg: #1d2330; --fm-muted: #5b6375; --fm-border: #d5d9e2; --fm-accent: #4c3bcf; --fm-error: #b3261e; --fm-soft: #f3f4f8; }
@media (prefers-color-scheme: dark) {
  .fm-layer { color: #e8eaf0; --fm-bg: #1f2330; --fm-fg: #e8eaf0; --fm-muted: #a7aec0; --fm-border: #3a4052; --fm-accent: #a99cff; --fm-error: #ffb4ab; --fm-soft: #2a2f3e; }
}
.fm-panel { position: fixed; background: var(--fm-bg); color: var(--fm-fg); border: 1px solid var(--fm-border);
  border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.22); }
.fm-card { width: 340px; max-width: calc(100vw - 16px); padding: 12px 14px; }
.fm-card h2 { font-size: 13px; margin: 0 0 6px; color: var(--fm-muted); font-weight: 600; letter-spacing: .01em; }
.fm-kinds { display: flex; flex-wrap: wrap; gap: 4px; margin: 0 0 8px; padding: 0; list-style: none; }
.fm-kinds li { font-size: 12px; padding: 1px 8px; border-radius: 999px; background: var(--fm-soft); border: 1px solid var(--fm-border); }
.fm-figures, .fm-checks { margin: 0 0 8px; padding: 0; list-style: none; }
.fm-figures li { margin: 2px 0; }
.fm-written { font-weight: 600; }
.fm-arrow { color: var(--fm-muted); margin: 0 4px; }
.fm-checks li { font-size: 13px; margin: 4px 0; padding: 4px 8px; border-left: 3px solid #f2b01e; background: var(--fm-soft); border-radius: 4px; }
.fm-verdict { display: inline-flex; align-items: center; gap: 6px; font-weight: 600; margin: 0 0 4px; }
.fm-swatch { width: 12px; height: 12px; border-radius: 3px; display: inline-block; }
.fm-comment { margin: 0 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.fm-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 8px; }
button { font: inherit; cursor: pointer; border-radius: 7px; border: 1px solid var(--fm-border); background: var(--fm-soft); color: var(--fm-fg); padding: 5px 12px; }
button.fm-primary { background: var(--fm-accent); border-color: var(--fm-accent); color: #fff; }
@media (prefers-color-scheme: dark) { button.fm-primary { color: #15121f; } }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid var(--fm-accent); outline-offset: 2px; }
.fm-close { position: absolute; top: 6px; right: 6px; border: none; background: transparent; padding: 2px 8px; font-size: 16px; line-height: 1; color: var(--fm-muted); }
.fm-toolbar { display: flex; gap: 4px; padding: 4px; }
.fm-toolbar button { padding: 4px 10px; font-size: 13px; }
.fm-backdrop { position: fixed; inset: 0; background: rgba(10, 12, 20, .35); }
.fm-editor { width: 440px; max-width: calc(100vw - 16px); max-height: calc(100vh - 32px); overflow: auto; padding: 16px 18px; left: 50%; top: 50%; transform: translate(-50%, -50%); }
.fm-editor h2 { font-size: 16px; margin: 0 0 8px; }
.fm-quote { margin: 0 0 12px; padding: 6px 10px; border-left: 3px solid var(--fm-accent); background: var(--fm-soft); max-height: 6.5em; overflow: auto; overflow-wrap: anywhere; }
fieldset { border: 1px solid var(--fm-border); border-radius: 8px; margin: 0 0 12px; padding: 6px 10px 10px; }
legend { padding: 0 4px; font-weight: 600; }
.fm-radios { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 12px; }
.fm-radios label { display: flex; align-items: center; gap: 6px; cursor: pointer; }
.fm-alt { color: var(--fm-muted); font-size: 12px; }
.fm-field { display: block; margin: 0 0 12px; }
.fm-field > span { display: block; font-weight: 600; margin-bottom: 4px; }
textarea, input[type="text"] { width: 100%; font: inherit; color: var(--fm-fg); background: var(--fm-bg); border: 1px solid var(--fm-border); border-radius: 7px; padding: 6px 8px; }
textarea { resize: vertical; min-height: 4.5em; }
[aria-invalid="true"] { border-color: var(--fm-error); }
.fm-hint { font-size: 12px; color: var(--fm-muted); margin-top: 2px; }
.fm-error { font-size: 12px; color: var(--fm-error); margin-top: 2px; }
.fm-status { min-height: 1.2em; font-size: 13px; }
`;
