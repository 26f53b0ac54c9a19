/** The small toolbar shown over a text selection: "Highlight" and "Fact-check". */
import { t } from '../utils/i18n';

export interface SelectionToolbarProps {
  onHighlight: () => void;
  onFactCheck: () => void;
}

export function SelectionToolbar({ onHighlight, onFactCheck }: SelectionToolbarProps) {
  return (
    <div class="fm-toolbar" role="toolbar" aria-label={t('pageUiToolbarLabel')}>
      {/* mousedown would clear the page selection before click: keep it. */}
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onHighlight}>
        {t('pageUiHighlight')}
      </button>
      <button type="button" class="fm-primary" onMouseDown={(e) => e.preventDefault()} onClick={onFactCheck}>
        {t('pageUiFactCheck')}
      </button>
    </div>
  );
}
