import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { FactmarkDB, DetectionRecord } from '../utils/db/schema';
import { t } from '../utils/i18n';

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error(e) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}

export function PopupApp({ db, pageUrl }: { db: FactmarkDB; pageUrl?: string }) {
  const detections = useLiveQuery<DetectionRecord | null>(
    async () => (pageUrl ? ((await db.detections.get(pageUrl)) ?? null) : null),
    [pageUrl],
  );
  if (detections === undefined) return null;
  if (!detections) return <p class="empty">{t('popupNoPage')}</p>;
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('popupFiguresHeading')}</h2>
      {detections.figures.length === 0 ? (
        <p class="empty">{t('popupNoFigures')}</p>
      ) : (
        <ul class="figures" data-testid="figures">
          {detections.figures.map((figure) => (
            <li key={`${figure.start}`}>{figure.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
