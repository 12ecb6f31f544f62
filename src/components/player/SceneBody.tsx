import { useTranslation } from 'react-i18next';
import type { Scene } from '../../engine/types';
import { Markdown } from '../markdown/Markdown';

/** A scene's narrative and its blocks (a speaker's words are set off as a quotation). */
export function SceneBody({ text, blocks }: { text?: string; blocks: NonNullable<Scene['blocks']> }) {
  const { t } = useTranslation('player');
  return (
    <div className="scene-body">
      {text ? <Markdown text={text} className="prose" /> : null}
      {blocks.map((b) =>
        b.speaker ? (
          <figure key={b.id} className="speech">
            <figcaption className="speech__speaker">{t('speaker', { speaker: b.speaker })}</figcaption>
            <blockquote>
              <Markdown text={b.text} />
            </blockquote>
          </figure>
        ) : (
          <Markdown key={b.id} text={b.text} className="prose" />
        ),
      )}
    </div>
  );
}

/** What the last decision turned up: findings of actions, search results, the record written. */
export function Outcome({ heading, lines }: { heading: string; lines: string[] }) {
  if (!lines.length) return null;
  return (
    <section className="outcome" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading" className="heading-s">
        {heading}
      </h2>
      <ul className="list list--bullet">
        {lines.map((l, i) => (
          <li key={i}>
            <Markdown text={l} />
          </li>
        ))}
      </ul>
    </section>
  );
}
