/**
 * "Check a certificate": a trainer chooses a learner's exported records file and types the code printed on
 * their certificate; the screen recomputes the code from the records and says plainly what a match does and
 * does not prove. Nothing leaves the browser.
 */
import { use, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homeContent } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { verifyRecordsFile, type ImportResult } from '../../reporting/export';
import { checkCode, type CodeCheck } from './verification';
import { CalloutResults } from './CalloutResults';
import { MAX_IMPORT_BYTES } from '../supervisor-report/group-report';

type FileState = { name: string; result: ImportResult | { ok: false; reason: 'too-large' } };

export function CheckCertificateScreen() {
  const { t, i18n } = useTranslation(['certificate', 'records']);
  const { course, scenarios } = use(homeContent(i18n.language));
  const fileId = useId();
  const codeId = useId();
  const [file, setFile] = useState<FileState | undefined>();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<CodeCheck | undefined>();
  const titles = new Map(scenarios.map((s) => [s.id, s.title]));

  const onFile = async (list: FileList | null) => {
    setChecked(undefined);
    const f = list?.[0];
    if (!f) return setFile(undefined);
    if (f.size > MAX_IMPORT_BYTES) return setFile({ name: f.name, result: { ok: false, reason: 'too-large' } });
    setFile({ name: f.name, result: verifyRecordsFile(await f.text(), course.id) });
  };

  const check = (e: FormEvent) => {
    e.preventDefault();
    if (file?.result.ok) setChecked(checkCode(code, course.id, file.result.file.records, course.scenarios));
  };

  return (
    <div className="narrow">
      <PageHeading title={`${t('check.heading')} – ${course.title}`}>{t('check.heading')}</PageHeading>
      <p className="lead">{t('check.intro')}</p>
      <div className="notice notice--info">
        <h2 className="heading-s">{t('check.provesHeading')}</h2>
        <p>{t('check.proves')}</p>
        <p>{t('check.notProves')}</p>
      </div>
      <form onSubmit={check} noValidate>
        <div className="form-group">
          <label className="label heading-s" htmlFor={fileId}>
            {t('check.file')}
          </label>
          <p className="hint" id={`${fileId}-hint`}>
            {t('check.fileHint')}
          </p>
          <input
            id={fileId}
            aria-describedby={`${fileId}-hint`}
            className="file-upload"
            type="file"
            accept=".json,application/json"
            onChange={(e) => void onFile(e.target.files)}
          />
          {file && !file.result.ok ? (
            <p className="error-message" role="alert">
              {t('check.fileRefused', { file: file.name, reason: t(`records:report.refused.${file.result.reason}`) })}
            </p>
          ) : null}
          {file?.result.ok ? (
            <p role="status">
              {t('check.fileRead', {
                file: file.name,
                learner: file.result.file.learner || t('check.noName'),
                count: file.result.file.records.length,
              })}
            </p>
          ) : null}
        </div>
        <div className="form-group">
          <label className="label heading-s" htmlFor={codeId}>
            {t('check.code')}
          </label>
          <p className="hint" id={`${codeId}-hint`}>
            {t('check.codeHint')}
          </p>
          <input
            id={codeId}
            aria-describedby={`${codeId}-hint`}
            className="input input--code"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setChecked(undefined);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={!file?.result.ok || !code.trim()}>
          {t('check.submit')}
        </button>
      </form>

      {checked ? (
        <section aria-labelledby="check-result" className="section" aria-live="polite">
          <h2 id="check-result" className="heading-m">
            {t(`check.result.${checked.ok ? 'match' : checked.reason}`)}
          </h2>
          {!checked.ok && checked.reason === 'incomplete' ? (
            <p>{t('check.missing', { list: checked.missing.map((id) => titles.get(id) ?? id).join(', ') })}</p>
          ) : null}
          {checked.ok || checked.reason === 'mismatch' ? (
            <CalloutResults records={checked.records} titles={titles} caption={t('check.tableCaption')} />
          ) : null}
        </section>
      ) : null}
      <p>
        <Link to="/supervisor-report">{t('check.reportLink')}</Link>
      </p>
    </div>
  );
}
