import { VERDICTS, type Verdict } from '../utils/annotation';
import { t, verdictLabel } from '../utils/i18n';

/**
 * One-click verdicts. Pressing the current verdict again clears it. `compact`
 * draws coloured squares with the label as name and tooltip (virtualised rows).
 */
export function VerdictButtons({
  value,
  onChange,
  tabIndex,
  compact = false,
  disabled = false,
}: {
  value?: Verdict;
  onChange: (verdict: Verdict | undefined) => void;
  tabIndex?: 0 | -1;
  compact?: boolean;
  disabled?: boolean;
}) {
  return (
    <div class={`verdicts${compact ? ' compact' : ''}`} role="group" aria-label={t('popupVerdictGroup')}>
      {VERDICTS.map((v) => {
        const pressed = v.key === value;
        const label = verdictLabel(v.key);
        return (
          <button
            type="button"
            key={v.key}
            class={`verdict verdict-${v.key}`}
            style={{ '--verdict': v.color }}
            aria-pressed={pressed}
            aria-label={compact ? label : undefined}
            title={pressed ? t('popupVerdictClear', label) : label}
            tabIndex={tabIndex}
            disabled={disabled}
            onClick={(event) => {
              event.stopPropagation();
              onChange(pressed ? undefined : v.key);
            }}
          >
            {compact ? null : label}
          </button>
        );
      })}
    </div>
  );
}
