// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { CaseFilePanel } from '../../src/components/player/CaseFilePanel';
import { Outcome, SceneBody } from '../../src/components/player/SceneBody';
import { SupportList } from '../../src/components/layout/SupportList';
import { ContentNotes } from '../../src/components/layout/ContentNotes';
import { ScenarioCard } from '../../src/components/course/ScenarioCard';
import { FailingChart } from '../../src/components/debrief/FailingChart';
import { DecisionReview } from '../../src/components/debrief/DecisionReview';
import type { CaseFile } from '../../src/engine';
import { expectAccessible, renderUi, testI18n } from '../helpers/ui-setup';

const caseFile: CaseFile = {
  origin: 'carried',
  flags: [],
  facts: [{ id: 'no-phone', text: 'No phone was found.', scenarioId: 'a', clock: 23 * 60 + 40 }],
  exhibits: [{ id: 'cup', label: 'Paper cup', ref: 'EX/1', scenarioId: 'a', clock: 0 }],
  records: [
    { id: 'rod', kind: 'report-of-death', title: 'Report of death', author: 'learner', scenarioId: 'a', entries: [{ id: 'e', text: 'Missing phone.', tags: [] }] },
    { id: 'int', kind: 'intelligence', title: 'Intelligence report', author: 'learner', scenarioId: 'a', entries: [{ id: 'e', text: 'Second man.', tags: [] }] },
    { id: 'old', kind: 'incident-log', title: 'Old log', author: 'PC 1 Byrne', date: 'Two months earlier', scenarioId: 'default', entries: [{ id: 'e', text: 'Moved on.', tags: [] }] },
  ],
};

describe('<CaseFilePanel>', () => {
  it('lists facts with their times, exhibits, the learner’s records, intelligence and others’ records', async () => {
    const { container } = renderUi(
      <CaseFilePanel caseFile={caseFile} searches={[{ term: 'Earlier incidents', records: ['Old log'] }]} formatTime={(f) => (f.scenarioId === 'a' ? '23:40' : undefined)} />,
    );
    expect(screen.getByRole('heading', { name: 'What you know (1)' })).toBeInTheDocument();
    expect(screen.getByText('23:40')).toBeInTheDocument();
    expect(screen.getByText('EX/1')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Intelligence you submitted' })).toBeInTheDocument();
    expect(screen.getByText('Written by PC 1 Byrne · Two months earlier')).toBeInTheDocument();
    expect(screen.getByText('Carried on from your earlier part of this case.')).toBeInTheDocument();
    expect(screen.getByText(/Earlier incidents/).closest('li')).toHaveTextContent('Old log');
    await expectAccessible(container);
  });

  it('says when the case file is empty', async () => {
    const { container } = renderUi(<CaseFilePanel caseFile={{ origin: 'fresh', flags: [], facts: [], exhibits: [], records: [] }} searches={[]} formatTime={() => undefined} />);
    expect(screen.getByText(/Nothing yet/)).toBeInTheDocument();
    await expectAccessible(container);
  });
});

describe('<SceneBody> and <Outcome>', () => {
  it('sets a speaker’s words apart and lists what the last decision found', async () => {
    const { container } = renderUi(
      <>
        <SceneBody text="Paramedics have left." blocks={[{ id: 'p', speaker: 'Paramedic', text: 'Could be anything.' }]} />
        <Outcome heading="What you found" lines={['One resident heard a car.']} />
      </>,
    );
    expect(screen.getByText('Paramedic:')).toBeInTheDocument();
    expect(container.querySelector('blockquote')).toHaveTextContent('Could be anything.');
    expect(screen.getByRole('heading', { name: 'What you found' })).toBeInTheDocument();
    await expectAccessible(container);
  });
});

describe('<SupportList>', () => {
  it('shows verified numbers and hides unverified ones behind a trainer note', async () => {
    const { container } = renderUi(
      <SupportList
        entries={[
          { id: 's', name: 'Samaritans', contact: '116 123', text: 'Free, 24 hours a day.', verified: true },
          { id: 'o', name: 'Oscar Kilo', contact: '0300 000 0000', text: 'Police wellbeing service.', verified: false },
        ]}
      />,
    );
    expect(screen.getByText('116 123')).toBeInTheDocument();
    expect(container).not.toHaveTextContent('0300 000 0000');
    expect(screen.getByText(/Some contact details are still being checked/)).toBeInTheDocument();
    await expectAccessible(container);
  });
});

describe('<ContentNotes> and <ScenarioCard>', () => {
  it('shows a content note and a call-out with its status in words', async () => {
    const { container } = renderUi(
      <>
        <ContentNotes notes={['Drug use']} headingId="n" />
        <ol>
          <ScenarioCard href="/scenario/x" title="Aldon Road" summary="A man is found." estimatedMinutes={8} role="PC" status="not-yet-competent" contentNotes={['Drug use']} casePart="Case, part 1 of 2" />
        </ol>
      </>,
    );
    expect(screen.getByRole('note')).toHaveTextContent('Drug use');
    expect(screen.getByRole('link', { name: 'Aldon Road' })).toHaveAttribute('href', '/scenario/x');
    expect(screen.getByText('Completed: not yet met')).toBeInTheDocument();
    expect(screen.getByText('About 8 minutes')).toBeInTheDocument();
    await expectAccessible(container);
  });

  it('uses Welsh plural forms', () => {
    renderUi(<ScenarioCard href="/x" title="T" summary="S" estimatedMinutes={2} role="R" status="in-progress" contentNotes={[]} />, { i18n: testI18n('cy') });
    expect(screen.getByText('Tua 2 funud')).toBeInTheDocument();
    expect(screen.getByText('Ar y gweill')).toBeInTheDocument();
  });
});

describe('<FailingChart>', () => {
  it('gives each failing its score and result in words in the chart and in a table', async () => {
    const rows = [
      { failing: 'F1' as const, name: 'Investigative mindset', earned: 2, best: 4, ratio: 0.5, met: false },
      { failing: 'F2' as const, name: 'Oversight', earned: 3, best: 3, ratio: 1, met: true },
      { failing: 'F3' as const, name: 'Record keeping', earned: 0, best: 0, ratio: null, met: null },
    ];
    const { container } = renderUi(<FailingChart rows={rows} threshold={0.7} caption="Scores" />);
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /F1 Investigative mindset 50% 2 of 4 Not met/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /F2 Oversight 100% 3 of 3 Met/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /F3 Record keeping – – Not assessed/ })).toBeInTheDocument();
    expect(container.querySelector('.bars')).toHaveTextContent('50% ✗ Not met');
    await expectAccessible(container);
  });
});

describe('<DecisionReview>', () => {
  it('shows the choice, its marks, feedback and references, the stronger choice and the rationale', async () => {
    const { container } = renderUi(
      <ol>
        <DecisionReview
          d={{
            seq: 1,
            sceneTitle: 'The bus shelter',
            prompt: 'What do you tell control?',
            chosen: [{ id: 'closed', text: 'Non-suspicious', feedback: 'Nothing has been checked.', marks: [], critical: true, references: ['Categorisation of death'] }],
            stronger: [{ id: 'open', text: 'Under investigation', feedback: 'Keeps it open.', marks: ['F1 Investigative mindset +2'], critical: false, references: [] }],
            rationale: 'Looked natural',
            modelRationale: 'Nothing yet explains how he came to be here, so the category stays open.',
            earned: 0,
            best: 4,
          }}
        />
      </ol>,
    );
    expect(screen.getByText('0 of 4 marks')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'A model rationale' })).toBeInTheDocument();
    expect(screen.getByText(/so the category stays open/)).toBeInTheDocument();
    expect(screen.getByText('Critical error')).toBeInTheDocument();
    expect(screen.getByText('References: Categorisation of death')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'A stronger choice' })).toBeInTheDocument();
    expect(screen.getByText('Marks: F1 Investigative mindset +2')).toBeInTheDocument();
    expect(screen.getByText('Looked natural')).toBeInTheDocument();
    await expectAccessible(container);
  });

  it('says when a decision carried no marks on the path, instead of "0 of 0"', () => {
    renderUi(
      <DecisionReview as="section" d={{ seq: 2, sceneTitle: 'Handover', chosen: [], noneChosen: true, stronger: [], earned: 0, best: 0 }} />,
    );
    expect(screen.queryByText(/0 of 0/)).toBeNull();
    expect(screen.getByText('No marks were on offer at this decision.')).toBeInTheDocument();
  });
});
