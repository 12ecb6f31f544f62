// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VotePanel } from '../../src/components/classroom/VotePanel';
import { PresenterStage, type StageContent } from '../../src/components/classroom/PresenterStage';
import { InjectPanel } from '../../src/components/classroom/InjectPanel';
import { OptionNotes } from '../../src/components/classroom/OptionNotes';
import { FacilitatorNotes } from '../../src/components/classroom/FacilitatorNotes';
import { SessionLog, type LogRecord } from '../../src/components/classroom/SessionLog';
import { openStorageChannel } from '../../src/store/session-sync';
import { I18nextProvider } from 'react-i18next';
import type { ReactElement } from 'react';
import { expectAccessible, renderUi, testI18n } from '../helpers/ui-setup';

const en = testI18n();
/** For `rerender`, which drops the provider `renderUi` wraps around the first render. */
const inEnglish = (ui: ReactElement) => <I18nextProvider i18n={en}>{ui}</I18nextProvider>;

const options = [
  { id: 'open', text: 'Keep the category **open**' },
  { id: 'closed', text: 'Non-suspicious' },
];

const stage = (over: Partial<StageContent> = {}): StageContent => ({
  scenarioTitle: 'Linnet Street',
  clockText: '05:10',
  sceneTitle: 'The alley',
  text: 'Paramedics are packing away.',
  blocks: [{ id: 'doyle', speaker: 'PC Doyle', text: 'Shall I ring the undertakers?' }],
  prompt: 'What do you tell control?',
  options,
  paused: false,
  ended: false,
  ...over,
});

describe('<VotePanel>', () => {
  it('takes a count per option, totals them, and reveals or skips', async () => {
    const onCount = vi.fn();
    const onShow = vi.fn();
    const onSkip = vi.fn();
    const user = userEvent.setup();
    const { container, rerender } = renderUi(
      <VotePanel
        options={options}
        counts={{ open: 4, closed: 1 }}
        skipped={false}
        shown={false}
        onCount={onCount}
        onSkip={onSkip}
        onShow={onShow}
      />,
    );
    expect(screen.getByText('5 votes in all')).toBeInTheDocument();
    await user.type(screen.getByRole('spinbutton', { name: /Non-suspicious/ }), '7');
    expect(onCount).toHaveBeenLastCalledWith('closed', 17);
    await user.clear(screen.getByRole('spinbutton', { name: /Keep the category/ }));
    expect(onCount).toHaveBeenLastCalledWith('open', undefined);
    await user.click(screen.getByRole('button', { name: 'Show votes on the presenter' }));
    expect(onShow).toHaveBeenCalledWith(true);
    await user.click(screen.getByRole('button', { name: 'Skip the vote' }));
    expect(onSkip).toHaveBeenCalledWith(true);
    await expectAccessible(container);
    rerender(
      inEnglish(
        <VotePanel
          options={options}
          counts={{}}
          skipped
          shown={false}
          onCount={onCount}
          onSkip={onSkip}
          onShow={onShow}
        />,
      ),
    );
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(screen.getByText(/No vote for this decision/)).toBeInTheDocument();
  });
});

describe('<PresenterStage>', () => {
  it('shows the scene and the options, lettered, without votes until they are revealed', async () => {
    const { container, rerender } = renderUi(<PresenterStage content={stage()} />);
    expect(screen.getByRole('heading', { level: 1, name: 'The alley' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'What do you tell control?' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'AKeep the category open',
      'BNon-suspicious',
    ]);
    expect(screen.queryByText(/votes? in all/)).not.toBeInTheDocument();
    await expectAccessible(container);
    rerender(
      inEnglish(
        <PresenterStage
          content={stage({
            votes: { open: 5, closed: 1 },
            inject: { title: 'A neighbour', text: 'She heard shouting.' },
          })}
        />,
      ),
    );
    expect(screen.getByText('5 votes')).toBeInTheDocument();
    expect(screen.getByText('1 vote')).toBeInTheDocument();
    expect(screen.getByText('6 votes in all')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'New information: A neighbour' })).toBeInTheDocument();
    await expectAccessible(container);
  });

  it('shows only a neutral screen when paused', async () => {
    const { container } = renderUi(<PresenterStage content={stage({ paused: true, votes: { open: 5 } })} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Paused' })).toBeInTheDocument();
    expect(screen.queryByText('The alley')).not.toBeInTheDocument();
    expect(screen.queryByText(/Keep the category/)).not.toBeInTheDocument();
    await expectAccessible(container);
  });

  it('works in Welsh', () => {
    renderUi(<PresenterStage content={stage({ votes: { open: 2, closed: 0 } })} />, { i18n: testI18n('cy') });
    expect(screen.getByText('Amser: 05:10')).toBeInTheDocument();
    expect(screen.getByText('2 bleidlais')).toBeInTheDocument();
  });
});

describe('<InjectPanel>', () => {
  it('sends a prepared inject or the facilitator’s own, and asks for text when it is missing', async () => {
    const onSend = vi.fn();
    const onClear = vi.fn();
    const user = userEvent.setup();
    const { container, rerender } = renderUi(
      <InjectPanel
        injects={[{ id: 'neighbour', title: 'A neighbour', text: 'She heard shouting.' }]}
        onSend={onSend}
        onClear={onClear}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Show on the presenter' }));
    expect(onSend).toHaveBeenLastCalledWith({
      injectId: 'neighbour',
      title: 'A neighbour',
      text: 'She heard shouting.',
    });
    await user.click(screen.getByRole('button', { name: 'Show your inject on the presenter' }));
    expect(screen.getByText('Enter the new information to show')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'New information for the room' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'New information for the room' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expectAccessible(container);
    await user.type(screen.getByRole('textbox', { name: 'New information for the room' }), ' The PM result is in. ');
    await user.click(screen.getByRole('button', { name: 'Show your inject on the presenter' }));
    expect(onSend).toHaveBeenLastCalledWith({ text: 'The PM result is in.' });
    rerender(
      inEnglish(
        <InjectPanel injects={[]} showing={{ text: 'The PM result is in.' }} onSend={onSend} onClear={onClear} />,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Remove from the presenter' }));
    expect(onClear).toHaveBeenCalled();
    await expectAccessible(container);
  });
});

describe('<OptionNotes> and <FacilitatorNotes>', () => {
  it('show the facilitator the marks, critical errors, feedback, references, prompts and notes', async () => {
    const { container } = renderUi(
      <>
        <FacilitatorNotes material={{ prompts: ['What would keep it open?'], notes: 'Let them argue first.' }} />
        <OptionNotes
          items={[
            {
              id: 'open',
              text: 'Keep it open',
              marks: { F1: 2, F4: 1 },
              feedback: 'Keeping it open is right.',
              refs: ['NDM'],
            },
            {
              id: 'closed',
              text: 'Non-suspicious',
              marks: { F1: -2 },
              critical: true,
              feedback: 'Nothing supports it.',
            },
          ]}
          refTitle={(r) => (r === 'NDM' ? 'National Decision Model' : r)}
        />
      </>,
    );
    expect(screen.getByText('F1 +2, F4 +1')).toBeInTheDocument();
    expect(screen.getByText('F1 -2')).toBeInTheDocument();
    expect(screen.getByText('Critical error')).toBeInTheDocument();
    expect(screen.getByText('Keeping it open is right.')).toBeInTheDocument();
    expect(screen.getByText(/National Decision Model/)).toBeInTheDocument();
    expect(screen.getByText('What would keep it open?')).toBeInTheDocument();
    await expectAccessible(container);
  });
});

describe('<SessionLog>', () => {
  it('lists attendees, decisions with votes and rationale, injects, notes and steps taken back', async () => {
    const d = {
      seq: 1,
      sceneId: 'alley',
      sceneTitle: 'The alley',
      choiceText: ['Keep it open'],
      rationale: 'Nothing checked yet',
      clockText: '05:10',
      at: '2026-11-20T09:30:00.000Z',
      votes: { skipped: false, counts: { open: 5, closed: 1 } },
    };
    const record: LogRecord = {
      scenarioId: 's1',
      scenarioTitle: 'Linnet Street',
      scenarioVersion: 2,
      facilitator: 'Sgt Adeyemi',
      date: '2026-11-20',
      status: 'in-progress',
      attendees: ['PC Hughes', 'PC Doyle'],
      decisions: [d],
      injects: [{ title: 'A neighbour', text: 'She heard shouting.', at: '2026-11-20T09:20:00.000Z' }],
      notes: [{ text: 'Good debate on the cordon.', at: '2026-11-20T09:25:00.000Z' }],
      undone: [{ undoneAt: '2026-11-20T09:31:00.000Z', decision: { ...d, votes: { skipped: true, counts: {} } } }],
    };
    const { container } = renderUi(
      <SessionLog
        record={record}
        itemText={(_s, id) => (id === 'open' ? 'Keep it open' : 'Non-suspicious')}
        formatTime={(iso) => iso.slice(11, 16)}
      />,
    );
    expect(screen.getByText('Linnet Street (s1, version 2)')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '2 attendees' })).toBeInTheDocument();
    expect(screen.getByText(/Keep it open: 5; Non-suspicious: 1/)).toBeInTheDocument();
    expect(screen.getByText('Nothing checked yet')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '1 step taken back' })).toBeInTheDocument();
    expect(screen.getByText('The alley: Keep it open (taken back 09:31)')).toBeInTheDocument();
    await expectAccessible(container);
  });
});

describe('openStorageChannel()', () => {
  it('passes messages between windows through the storage event when BroadcastChannel is missing', () => {
    const channel = openStorageChannel();
    const heard = vi.fn();
    const off = channel.subscribe(heard);
    channel.post({ type: 'presenter.hello', sessionId: 's-1' });
    const written = localStorage.getItem('callout.classroom.sync')!;
    // The browser fires `storage` in the other windows; here we fire it as they would see it.
    window.dispatchEvent(new StorageEvent('storage', { key: 'callout.classroom.sync', newValue: written }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: '{}' }));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith({ type: 'presenter.hello', sessionId: 's-1' });
    off();
    channel.close();
  });
});
