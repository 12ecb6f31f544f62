import { useTranslation } from 'react-i18next';
import type { Failing } from '../../engine/types';

export interface FailingRow {
  failing: Failing;
  name: string;
  earned: number;
  best: number;
  /** 0–1, or null when not assessed. */
  ratio: number | null;
  met: boolean | null;
}

const pct = (r: number) => `${Math.round(r * 100)}%`;

/**
 * The five failings as a bar chart and a table with the same figures. Each bar carries its score and "met"
 * or "not met" in words and a symbol, so nothing depends on colour.
 */
export function FailingChart({ rows, threshold, caption }: { rows: FailingRow[]; threshold: number; caption: string }) {
  const { t } = useTranslation('debrief');
  const result = (r: FailingRow) => (r.met === null ? t('chart.notAssessed') : r.met ? t('chart.met') : t('chart.notMet'));
  return (
    <figure className="failing-chart">
      <figcaption className="heading-s">{caption}</figcaption>
      <div className="bars" aria-hidden="true">
        {rows.map((r) => (
          <div className="bars__row" key={r.failing}>
            <span className="bars__label">
              {r.failing} {r.name}
            </span>
            <span className="bars__track">
              {r.ratio !== null ? <span className={`bars__fill ${r.met ? 'bars__fill--met' : 'bars__fill--not-met'}`} style={{ width: pct(r.ratio) }} /> : null}
              <span className="bars__threshold" style={{ left: pct(threshold) }} />
            </span>
            <span className="bars__value">
              {r.ratio === null ? '–' : pct(r.ratio)} {r.met === null ? '' : r.met ? '✓' : '✗'} {result(r)}
            </span>
          </div>
        ))}
        <p className="hint bars__key">{t('chart.threshold', { threshold: pct(threshold) })}</p>
      </div>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.failing')}</th>
            <th scope="col" className="num">
              {t('chart.score')}
            </th>
            <th scope="col" className="num">
              {t('chart.marks')}
            </th>
            <th scope="col">{t('chart.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.failing}>
              <th scope="row">
                {r.failing} {r.name}
              </th>
              <td className="num">{r.ratio === null ? '–' : pct(r.ratio)}</td>
              <td className="num">{r.best ? t('chart.marksOf', { earned: r.earned, best: r.best }) : '–'}</td>
              <td>{result(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
