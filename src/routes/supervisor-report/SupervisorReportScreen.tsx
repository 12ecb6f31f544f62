/**
 * The supervisor's report: import several learners' exported records and classroom session records; see
 * completion per person and scores per failing across the group; export it as CSV. Each file is checked on
 * its own: a file that is not a Callout export, belongs to another course or was changed after export is
 * refused with the reason, and the others still count. Nothing leaves the browser.
 */
import { use, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homeContent } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { FAILINGS } from '../../engine/types';
import { download } from '../records/records-data';
import { ScrollRegion } from '../records/ScrollRegion';
import { groupFailings, importFiles, personRow, type FileOutcome, type Person } from './group-report';

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function SupervisorReportScreen() {
  const { t, i18n } = useTranslation(['records', 'failings']);
  const { course } = use(homeContent(i18n.language));
  const inputId = useId();
  const [files, setFiles] = useState<{ name: string; text: string }[]>([]);
  const { people, outcomes } = importFiles(files, course.id, (name) => t('records:report.unnamed', { file: name }));
  const rows = [...people.values()]
    .sort((a: Person, b: Person) => a.name.localeCompare(b.name, i18n.language))
    .map((p) => personRow(p, course.scenarios, course.id));
  const group = groupFailings(rows);
  const pct = (n: number | null) => (n === null ? t('records:table.notAssessed') : `${n}%`);

  const onFiles = async (list: FileList | null) => {
    if (!list) return;
    const read = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
    setFiles((old) => [...old, ...read]);
  };

  const csv = () => {
    const head = ['person', 'call_outs_finished', 'call_outs_in_course', 'course_complete', 'overall', ...FAILINGS, 'certificate_code'];
    const body = rows.map((r) => [
      r.name,
      r.finished,
      r.total,
      r.complete ? 'yes' : 'no',
      r.overall,
      ...FAILINGS.map((f) => r.failings[f]),
      r.code,
    ]);
    return [head, ...body].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  };

  const reason = (o: Extract<FileOutcome, { ok: false }>) => t(`records:report.refused.${o.reason}`);

  return (
    <>
      <PageHeading title={`${t('records:report.heading')} – ${course.title}`}>
        {t('records:report.heading')}
      </PageHeading>
      <p className="lead">{t('records:report.intro')}</p>
      <p>{t('records:report.privacy')}</p>
      <div className="form-group">
        <label className="label heading-s" htmlFor={inputId}>
          {t('records:report.choose')}
        </label>
        <p className="hint" id={`${inputId}-hint`}>
          {t('records:report.chooseHint')}
        </p>
        <input
          id={inputId}
          aria-describedby={`${inputId}-hint`}
          className="file-upload"
          type="file"
          accept=".json,application/json"
          multiple
          onChange={(e) => void onFiles(e.target.files)}
        />
      </div>
      <p className="hint">{t('records:export.integrity')}</p>

      {outcomes.length ? (
        <section aria-labelledby="files-heading">
          <h2 className="heading-m" id="files-heading">
            {t('records:report.files')}
          </h2>
          <ul className="list" aria-live="polite">
            {outcomes.map((o, i) => (
              <li key={`${o.name}-${i}`} className={o.ok ? '' : 'error-message'}>
                <strong>{o.name}</strong>:{' '}
                {o.ok
                  ? o.kind === 'records'
                    ? t('records:report.acceptedRecords', { count: o.entries, person: o.people.join(', ') })
                    : t('records:report.acceptedSession', { count: o.people.length })
                  : t('records:report.refusedFile', { reason: reason(o) })}
              </li>
            ))}
          </ul>
          <button type="button" className="button button--secondary" onClick={() => setFiles([])}>
            {t('records:report.clear')}
          </button>
        </section>
      ) : null}

      {rows.length ? (
        <>
          <h2 className="heading-m">{t('records:report.people')}</h2>
          <ScrollRegion label={t('records:report.peopleCaption')}>
            <table className="table">
              <caption className="visually-hidden">{t('records:report.peopleCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('records:report.person')}</th>
                  <th scope="col">{t('records:report.completion')}</th>
                  <th scope="col" className="num">
                    {t('records:table.overall')}
                  </th>
                  {FAILINGS.map((f) => (
                    <th scope="col" className="num" key={f}>
                      <abbr title={t(`failings:${f}.name`)}>{f}</abbr>
                    </th>
                  ))}
                  <th scope="col">{t('records:report.code')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.name}>
                    <th scope="row">{r.name}</th>
                    <td>
                      {r.complete
                        ? t('records:report.complete', { total: r.total })
                        : t('records:report.partial', { done: r.finished, total: r.total })}
                    </td>
                    <td className="num">{pct(r.overall)}</td>
                    {FAILINGS.map((f) => (
                      <td className="num" key={f}>
                        {pct(r.failings[f])}
                      </td>
                    ))}
                    <td className="certificate__code">{r.code ?? t('records:report.noCode')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="hint">
            {t('records:report.codeHint')} <Link to="/check-certificate">{t('records:report.checkLink')}</Link>
          </p>
          <h2 className="heading-m">{t('records:report.group')}</h2>
          <ScrollRegion label={t('records:report.groupCaption')}>
            <table className="table">
              <caption className="visually-hidden">{t('records:report.groupCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('records:report.failing')}</th>
                  <th scope="col" className="num">
                    {t('records:report.mean')}
                  </th>
                  <th scope="col" className="num">
                    {t('records:report.range')}
                  </th>
                  <th scope="col" className="num">
                    {t('records:report.assessed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.map((g) => (
                  <tr key={g.failing}>
                    <th scope="row">
                      {g.failing} {t(`failings:${g.failing}.name`)}
                    </th>
                    <td className="num">{pct(g.mean)}</td>
                    <td className="num">{g.min === null ? t('records:table.notAssessed') : `${g.min}–${g.max}%`}</td>
                    <td className="num">{g.assessed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <button
            type="button"
            className="button"
            onClick={() =>
              download(
                `callout-group-report-${new Date().toISOString().slice(0, 10)}.csv`,
                csv(),
                'text/csv;charset=utf-8',
              )
            }
          >
            {t('records:report.csv')}
          </button>
        </>
      ) : null}
    </>
  );
}
