import { use, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { compileScenario, defaultCaseFile, emptyCaseFile, scoreLog, startRun } from '../../engine';
import { courseIndex, homeContent, scenarioContent } from '../../content';
import { PageHeading } from '../../components/layout/PageHeading';
import { SupportList } from '../../components/layout/SupportList';
import { Loading } from '../../components/layout/Spinner';
import { parseAttendees, sessionList, useSessions, useSessionStatus } from '../../store/session';
import { sessionScores } from '../../store/session-export';
import { formatDate } from '../format';
import { now } from './session-run';
import './classroom.css';

type Field = 'scenario' | 'facilitator' | 'date' | 'attendees';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The classroom's start: earlier sessions to continue, and a new session's scenario, facilitator, date and attendees. */
export function FacilitatorStartScreen() {
  const { t, i18n } = useTranslation('facilitator');
  const { course, scenarios } = use(homeContent(i18n.language));
  const hydrated = useSessionStatus((s) => s.hydrated);
  const storageProblem = useSessionStatus((s) => s.storageProblem);
  const sessions = useSessions((s) => s.sessions);
  const unreadable = useSessions((s) => s.unreadable.length);
  const create = useSessions((s) => s.create);
  const navigate = useNavigate();
  const id = useId();
  const [scenarioId, setScenarioId] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [date, setDate] = useState(today);
  const [attendeesText, setAttendeesText] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [starting, setStarting] = useState(false);
  const [startProblem, setStartProblem] = useState<string | undefined>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const attendees = parseAttendees(attendeesText);
  const suited = scenarios.filter((s) => s.classroom);
  const others = scenarios.filter((s) => !s.classroom);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!scenarioId) found.scenario = t('start.errors.scenario');
    if (!facilitator.trim()) found.facilitator = t('start.errors.facilitator');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(new Date(date).getTime()))
      found.date = t('start.errors.date');
    if (!attendees.length) found.attendees = t('start.errors.attendees');
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setStarting(true);
    setStartProblem(undefined);
    try {
      const scenario = await scenarioContent(scenarioId, i18n.language);
      const compiled = compileScenario(scenario);
      const meta = scenarios.find((s) => s.id === scenarioId);
      // A later part of a case starts from its documented default case file: the room has no earlier part.
      const caseFile = meta?.case && meta.case.part > 1 ? defaultCaseFile(compiled) : emptyCaseFile();
      const run = startRun(compiled, { caseFile, now });
      const sessionId = create({
        courseId: courseIndex.id,
        courseVersion: courseIndex.version,
        scenarioId,
        scenarioVersion: scenario.version,
        scenarioTitle: scenario.title,
        language: i18n.language,
        facilitator: facilitator.trim(),
        date,
        attendees,
        snapshot: run.snapshot(),
        sceneId: run.sceneId,
        scores: sessionScores(scoreLog([], courseIndex.scoring)),
      });
      navigate(`/facilitator/${sessionId}`);
    } catch {
      setStarting(false);
      setStartProblem(t('start.errors.load'));
    }
  };

  const errorList = Object.entries(errors) as [Field, string][];
  const describedBy = (f: Field, hint?: string) =>
    [hint, errors[f] ? `${id}-${f}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div className="classroom-start">
      <PageHeading title={`${t('start.title')} – ${course.title}`}>{t('start.title')}</PageHeading>
      <p className="lead">{t('start.lead')}</p>
      {storageProblem ? (
        <div className="notice notice--warning" role="alert">
          <p>{t('start.storageProblem')}</p>
        </div>
      ) : null}
      {unreadable ? (
        <div className="notice notice--warning" role="alert">
          <p>{t('start.unreadable', { count: unreadable })}</p>
        </div>
      ) : null}

      <section className="section" aria-labelledby={`${id}-sessions`}>
        <h2 id={`${id}-sessions`} className="heading-m">
          {t('start.sessions.heading')}
        </h2>
        {!hydrated ? (
          <Loading />
        ) : Object.keys(sessions).length ? (
          <ul className="session-list">
            {sessionList(sessions).map((s) => (
              <li key={s.id}>
                <Link to={`/facilitator/${s.id}`}>
                  {t(s.record.status === 'completed' ? 'start.sessions.open' : 'start.sessions.continue', {
                    title: s.record.scenarioTitle,
                    date: s.record.date,
                  })}
                </Link>{' '}
                <span className="hint">
                  {t('start.sessions.detail', {
                    facilitator: s.record.facilitator,
                    count: s.record.attendees.length,
                    updated: formatDate(s.record.updatedAt, i18n.language),
                  })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">{t('start.sessions.none')}</p>
        )}
      </section>

      <section className="section" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`} className="heading-m">
          {t('start.new')}
        </h2>
        <div className="content-note" role="note" aria-labelledby={`${id}-guidance`}>
          <h3 id={`${id}-guidance`} className="content-note__heading">
            {t('start.guidance.heading')}
          </h3>
          <ul>
            {(t('start.guidance.points', { returnObjects: true }) as string[]).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
        {errorList.length ? (
          <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby={`${id}-errors`}>
            <h2 id={`${id}-errors`} className="heading-s">
              {t('start.errors.title')}
            </h2>
            <ul className="list">
              {errorList.map(([f, msg]) => (
                <li key={f}>
                  <a href={`#${id}-${f}`}>{msg}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {startProblem ? (
          <div className="error-summary" role="alert">
            <p>{startProblem}</p>
          </div>
        ) : null}
        <form onSubmit={submit} noValidate className="narrow">
          <div className="form-group">
            <label className="label heading-s" htmlFor={`${id}-scenario`}>
              {t('start.scenario')}
            </label>
            <p className="hint" id={`${id}-scenario-hint`}>
              {t('start.scenarioHint')}
            </p>
            {errors.scenario ? (
              <p className="error-message" id={`${id}-scenario-error`}>
                {errors.scenario}
              </p>
            ) : null}
            <select
              id={`${id}-scenario`}
              className="select"
              value={scenarioId}
              aria-describedby={describedBy('scenario', `${id}-scenario-hint`)}
              aria-invalid={errors.scenario ? true : undefined}
              onChange={(e) => setScenarioId(e.target.value)}
            >
              <option value="">{t('start.choose')}</option>
              {suited.length ? (
                <optgroup label={t('start.suited')}>
                  {suited.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {others.length ? (
                <optgroup label={t('start.others')}>
                  {others.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
            {scenarioId ? <ScenarioNotes meta={scenarios.find((s) => s.id === scenarioId)!} /> : null}
          </div>
          <div className="form-group">
            <label className="label heading-s" htmlFor={`${id}-facilitator`}>
              {t('start.facilitator')}
            </label>
            {errors.facilitator ? (
              <p className="error-message" id={`${id}-facilitator-error`}>
                {errors.facilitator}
              </p>
            ) : null}
            <input
              id={`${id}-facilitator`}
              className="input"
              type="text"
              autoComplete="name"
              maxLength={120}
              value={facilitator}
              aria-describedby={describedBy('facilitator')}
              aria-invalid={errors.facilitator ? true : undefined}
              onChange={(e) => setFacilitator(e.target.value)}
            />
          </div>
          <div className="form-group">
            <label className="label heading-s" htmlFor={`${id}-date`}>
              {t('start.date')}
            </label>
            {errors.date ? (
              <p className="error-message" id={`${id}-date-error`}>
                {errors.date}
              </p>
            ) : null}
            <input
              id={`${id}-date`}
              className="input input--date"
              type="date"
              value={date}
              aria-describedby={describedBy('date')}
              aria-invalid={errors.date ? true : undefined}
              onChange={(e) => setDate(e.target.value)}
            />
          </div>
          <div className="form-group">
            <label className="label heading-s" htmlFor={`${id}-attendees`}>
              {t('start.attendees')}
            </label>
            <p className="hint" id={`${id}-attendees-hint`}>
              {t('start.attendeesHint')}
            </p>
            {errors.attendees ? (
              <p className="error-message" id={`${id}-attendees-error`}>
                {errors.attendees}
              </p>
            ) : null}
            <textarea
              id={`${id}-attendees`}
              className="textarea"
              rows={8}
              value={attendeesText}
              aria-describedby={describedBy('attendees', `${id}-attendees-hint ${id}-attendees-count`)}
              aria-invalid={errors.attendees ? true : undefined}
              onChange={(e) => setAttendeesText(e.target.value)}
            />
            <p className="hint" id={`${id}-attendees-count`} aria-live="polite">
              {t('start.attendeesCount', { count: attendees.length })}
            </p>
          </div>
          <button type="submit" className="button" disabled={starting}>
            {t('start.submit')}
          </button>
        </form>
      </section>
      <SupportList entries={course.support} />
    </div>
  );
}

function ScenarioNotes({
  meta,
}: {
  meta: { summary: string; role: string; estimatedMinutes: number; contentNotes: string[] };
}) {
  const { t } = useTranslation('facilitator');
  return (
    <div className="scenario-notes">
      <p>{meta.summary}</p>
      <p className="hint">{t('start.scenarioMeta', { role: meta.role, count: meta.estimatedMinutes })}</p>
      {meta.contentNotes.length ? (
        <p>
          <strong>{t('start.contentNotes')}</strong> {meta.contentNotes.join('; ')}
        </p>
      ) : null}
    </div>
  );
}
