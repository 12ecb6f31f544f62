import { Suspense, use, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FAILINGS } from '../../engine/types';
import { homeContent, scenarioContent, type CourseIndex } from '../../content';
import { scoreLog, type Score } from '../../engine/scoring/score';
import { recordsFromAttempts } from '../records/records-data';
import { PageHeading } from '../../components/layout/PageHeading';
import { Loading } from '../../components/layout/Spinner';
import { SupportList } from '../../components/layout/SupportList';
import { useProgress } from '../../store/progress';
import { usePreferences } from '../../store/preferences';
import { courseResult } from '../course-status';
import { formatDay } from '../format';
import { verificationCode } from './verification';
import { CalloutResults } from './CalloutResults';
import type { AttemptRecord } from '../../store/progress';

/** Why a course result is not yet met, in the order the rule states them. */
function reasons(score: Score, scoring: CourseIndex['scoring']): ('overall' | 'failing' | 'critical')[] {
  const out: ('overall' | 'failing' | 'critical')[] = [];
  if ((score.overall.ratio ?? 0) < scoring.competent.overall - 1e-9) out.push('overall');
  if (FAILINGS.some((f) => score.failings[f].met === false)) out.push('failing');
  if (score.critical.length > scoring.competent.maxCriticalErrors) out.push('critical');
  return out;
}

/** One critical error: the call-out, the decision and its category. */
function CriticalLine({ attempt, seq, sceneId, itemId, course }: { attempt: AttemptRecord; seq: number; sceneId: string; itemId: string; course: CourseIndex }) {
  const { t, i18n } = useTranslation('certificate');
  const scenario = use(scenarioContent(attempt.scenarioId, i18n.language));
  const scene = scenario.scenes.find((s) => s.id === sceneId);
  const interaction = scene && (scene.choice ?? scene.actions ?? scene.record ?? scene.search ?? scene.review);
  const items = interaction ? [...('options' in interaction ? interaction.options : []), ...('entries' in interaction ? interaction.entries : []), ...('terms' in interaction ? interaction.terms : []), ...('issues' in interaction ? interaction.issues : []), ...('verdicts' in interaction ? interaction.verdicts : [])] : [];
  const category = items.find((i) => i.id === itemId)?.critical;
  const title = typeof category === 'string' ? course.criticalErrors.find((c) => c.id === category)?.title : undefined;
  return <li>{t('criticalLine', { scenario: scenario.title, n: seq, scene: scene?.title ?? sceneId, category: title ?? t('criticalUncategorised') })}</li>;
}

/** The end of the course: the overall result and a printable certificate. */
export function CertificateScreen() {
  const { t, i18n } = useTranslation(['certificate', 'failings']);
  const { course, scenarios } = use(homeContent(i18n.language));
  const hydrated = useProgress((s) => s.hydrated);
  const attempts = useProgress((s) => s.attempts);
  const name = usePreferences((s) => s.certificateName);
  const setName = usePreferences((s) => s.setCertificateName);
  const nameId = useId();
  if (!hydrated) return <Loading />;
  const result = courseResult(attempts, course.scenarios, course.scoring);
  const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);

  if (!result) {
    const remaining = scenarios.filter((s) => !course.scenarios.includes(s.id) || !Object.values(attempts).some((a) => a.scenarioId === s.id && a.status === 'completed'));
    return (
      <div className="narrow">
        <PageHeading title={`${t('notYet.heading')} – ${course.title}`}>{t('notYet.heading')}</PageHeading>
        <p>{t('notYet.body', { count: remaining.length })}</p>
        <ul className="list list--bullet">
          {remaining.map((s) => (
            <li key={s.id}>
              <Link to={`/scenario/${s.id}`}>{s.title}</Link>
            </li>
          ))}
        </ul>
        <SupportList entries={course.support} />
      </div>
    );
  }

  const { score } = result;
  const finished = result.attempts.map((a) => a.finishedAt ?? a.updatedAt).sort().at(-1)!;
  const titles = new Map(scenarios.map((s) => [s.id, s.title]));
  const certified = recordsFromAttempts(Object.fromEntries(result.attempts.map((a) => [a.id, a])), titles, course).sort((a, b) => course.scenarios.indexOf(a.scenarioId) - course.scenarios.indexOf(b.scenarioId));
  const code = verificationCode(course.id, certified);
  const why = score.outcome === 'competent' ? [] : reasons(score, course.scoring);
  const criticals = result.attempts.flatMap((a) => scoreLog(a.log, course.scoring).critical.map((c) => ({ attempt: a, ...c })));
  return (
    <>
      <div className="no-print narrow">
        <PageHeading title={`${t('heading')} – ${course.title}`}>{t('heading')}</PageHeading>
        <p className="lead">{t(`result.${score.outcome}`)}</p>
        <div className="form-group">
          <label className="label heading-s" htmlFor={nameId}>
            {t('name.label')}
          </label>
          <p className="hint" id={`${nameId}-hint`}>
            {t('name.hint')}
          </p>
          <input id={nameId} className="input" type="text" autoComplete="name" value={name} aria-describedby={`${nameId}-hint`} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>

      <section className="certificate" aria-labelledby="certificate-title">
        <p className="certificate__course">{course.title}</p>
        <h2 id="certificate-title" className="certificate__title">
          {t('title')}
        </h2>
        <p className="certificate__statement">{t('statement')}</p>
        <p className="certificate__name">{name.trim() || t('name.missing')}</p>
        <p className="certificate__statement">{t('completed', { course: course.title })}</p>
        <p className="certificate__outcome">
          <strong>{t(`outcome.${score.outcome}`)}</strong>
        </p>
        {why.length ? (
          <ul className="list list--bullet certificate__why">
            {why.map((w) => (
              <li key={w}>{t(`why.${w}`, { overall: pct(course.scoring.competent.overall), met: pct(course.scoring.failingMet) })}</li>
            ))}
          </ul>
        ) : null}
        <CalloutResults records={certified} titles={titles} caption={t('callouts')} className="table certificate__table certificate__callouts" />
        {criticals.length ? (
          <>
            <p className="certificate__statement">{t('criticalHeading')}</p>
            <Suspense fallback={<Loading />}>
              <ul className="list list--bullet certificate__criticals">
                {criticals.map((c) => (
                  <CriticalLine key={`${c.attempt.id}:${c.seq}:${c.itemId}`} attempt={c.attempt} seq={c.seq} sceneId={c.sceneId} itemId={c.itemId} course={course} />
                ))}
              </ul>
            </Suspense>
          </>
        ) : null}
        <table className="table certificate__table">
          <caption>{t('scores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('failings:heading')}</th>
              <th scope="col" className="num">
                {t('score')}
              </th>
              <th scope="col">{t('met')}</th>
            </tr>
          </thead>
          <tbody>
            {FAILINGS.map((f) => (
              <tr key={f}>
                <th scope="row">
                  {f} {t(`failings:${f}.name`)}
                </th>
                <td className="num">{pct(score.failings[f].ratio)}</td>
                <td>{score.failings[f].met === null ? t('notAssessed') : score.failings[f].met ? t('yes') : t('no')}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('overall')}</th>
              <td className="num">{pct(score.overall.ratio)}</td>
              <td>{t('critical', { count: score.critical.length })}</td>
            </tr>
          </tbody>
        </table>
        <dl className="certificate__facts">
          <div>
            <dt>{t('date')}</dt>
            <dd>{formatDay(finished, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('version')}</dt>
            <dd>{course.version}</dd>
          </div>
          <div>
            <dt>{t('code')}</dt>
            <dd className="certificate__code">{code}</dd>
          </div>
        </dl>
        <p className="certificate__note">{t('note')}</p>
      </section>

      <div className="no-print">
        <SupportList entries={course.support} />
      </div>
    </>
  );
}
