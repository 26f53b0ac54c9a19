import { useState } from 'preact/hooks';
import { readSettings, type Settings } from '../utils/background/settings';
import { t } from '../utils/i18n';
import { sendRequest } from '../utils/messages';
import { ExportImport } from './ExportImport';
import { type PopupEnv, PopupEnvContext } from './popup-env';
import { siteKey } from './site-input';
import { slotComponent } from './slots';
import { useLiveQuery } from './use-live-query';

const LANGUAGES = [
  { code: 'ko', key: 'optionsLanguageKo' },
  { code: 'en', key: 'optionsLanguageEn' },
];

/** Options page: detection settings, sync settings and export/import (from their issues), and clearing notes. */
export function OptionsApp({ env }: { env: PopupEnv }) {
  const settings = useLiveQuery<Settings>(() => readSettings(env.db), [env.db]);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [siteDraft, setSiteDraft] = useState('');
  const [confirmClear, setConfirmClear] = useState(false);
  const SyncSettings = slotComponent('SyncSettings');

  const save = async (patch: Partial<Settings>) => {
    try {
      await sendRequest(env.transport, 'settings.set', { patch });
      setStatus({ text: t('optionsSaved'), error: false });
    } catch (error) {
      setStatus({ text: t('popupActionFailed', (error as Error).message), error: true });
    }
  };

  const addSite = (event: Event) => {
    event.preventDefault();
    if (!settings) return;
    const key = siteKey(siteDraft);
    if (!key) {
      setStatus({ text: t('optionsSiteInvalid', siteDraft), error: true });
      return;
    }
    setSiteDraft('');
    if (!settings.disabledSites.includes(key)) void save({ disabledSites: [...settings.disabledSites, key].sort() });
  };

  const clearAll = async () => {
    try {
      const { removed } = await sendRequest(env.transport, 'annotations.clear', { confirm: true });
      setStatus({ text: t('optionsCleared', String(removed)), error: false });
    } catch (error) {
      setStatus({ text: t('popupActionFailed', (error as Error).message), error: true });
    }
    setConfirmClear(false);
  };

  return (
    <PopupEnvContext.Provider value={env}>
      <main class="options">
        <h1>
          <span class="logo" aria-hidden="true">
            ✓
          </span>
          {t('optionsTitle')}
        </h1>

        <section aria-labelledby="detection-heading" class="card">
          <h2 id="detection-heading">{t('optionsDetectionHeading')}</h2>
          {!settings ? (
            <p class="loading">{t('popupLoading')}</p>
          ) : (
            <>
              <label class="row">
                <input type="checkbox" checked={settings.highlightDetections} onChange={(e) => save({ highlightDetections: e.currentTarget.checked })} />
                {t('optionsHighlightDetections')}
              </label>
              <div class="row column">
                <label for="min-score">{t('optionsMinScore', String(Math.round(settings.minScore * 100)))}</label>
                <input
                  id="min-score"
                  type="range"
                  min={0}
                  max={100}
                  step={5}
                  value={Math.round(settings.minScore * 100)}
                  aria-valuetext={String(Math.round(settings.minScore * 100))}
                  onChange={(e) => save({ minScore: Number(e.currentTarget.value) / 100 })}
                />
                <p class="hint">{t('optionsMinScoreHint')}</p>
              </div>
              <fieldset class="row">
                <legend>{t('optionsLanguages')}</legend>
                {LANGUAGES.map(({ code, key }) => (
                  <label key={code} class="inline">
                    <input
                      type="checkbox"
                      checked={settings.languages.includes(code)}
                      onChange={(e) =>
                        save({
                          languages: e.currentTarget.checked ? [...new Set([...settings.languages, code])] : settings.languages.filter((l) => l !== code),
                        })
                      }
                    />
                    {t(key)}
                  </label>
                ))}
              </fieldset>
              <div class="row column">
                <h3 id="sites-heading">{t('optionsDisabledSites')}</h3>
                <p class="hint">{t('optionsDisabledSitesHint')}</p>
                {settings.disabledSites.length === 0 ? (
                  <p class="empty">{t('optionsNoDisabledSites')}</p>
                ) : (
                  <ul class="sites" aria-labelledby="sites-heading">
                    {settings.disabledSites.map((site) => (
                      <li key={site}>
                        <span>{site}</span>
                        <button
                          type="button"
                          class="secondary"
                          aria-label={t('optionsEnableSite', site)}
                          onClick={() => save({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}
                        >
                          {t('optionsRemove')}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                <form class="add-site" onSubmit={addSite}>
                  <label for="site-input" class="visually-hidden">
                    {t('optionsAddSiteLabel')}
                  </label>
                  <input
                    id="site-input"
                    type="text"
                    inputMode="url"
                    placeholder="news.example.com"
                    value={siteDraft}
                    onInput={(e) => setSiteDraft(e.currentTarget.value)}
                  />
                  <button type="submit" class="primary">
                    {t('optionsAddSite')}
                  </button>
                </form>
              </div>
            </>
          )}
        </section>

        <section aria-labelledby="sync-heading" class="card">
          <h2 id="sync-heading">{t('optionsSyncHeading')}</h2>
          <div class="slot slot-sync-settings">{SyncSettings ? <SyncSettings db={env.db} transport={env.transport} /> : <p class="hint">{t('optionsSyncUnavailable')}</p>}</div>
        </section>

        <section aria-labelledby="export-heading" class="card">
          <h2 id="export-heading">{t('optionsExportHeading')}</h2>
          <ExportImport db={env.db} transport={env.transport} />
        </section>

        <section aria-labelledby="danger-heading" class="card danger">
          <h2 id="danger-heading">{t('optionsDangerHeading')}</h2>
          <p class="hint">{t('optionsClearHint')}</p>
          {confirmClear ? (
            <div class="row">
              <button type="button" class="danger-button" onClick={clearAll}>
                {t('optionsClearConfirm')}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirmClear(false)}>
                {t('optionsCancel')}
              </button>
            </div>
          ) : (
            <button type="button" class="secondary" onClick={() => setConfirmClear(true)}>
              {t('optionsClear')}
            </button>
          )}
        </section>

        <div class="status" role={status?.error ? undefined : 'status'} aria-live="polite">
          {status && !status.error && status.text}
        </div>
        <div class="status error" role="alert">
          {status?.error && status.text}
        </div>
      </main>
    </PopupEnvContext.Provider>
  );
}
