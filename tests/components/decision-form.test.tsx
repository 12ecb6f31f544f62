// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DecisionForm, type Draft } from '../../src/components/player/DecisionForm';
import type { DecisionError } from '../../src/engine/run/logic';
import { expectAccessible, renderUi } from '../helpers/ui-setup';

const options = [
  { id: 'open', text: 'Keep the category **open**' },
  { id: 'closed', text: 'Non-suspicious' },
];

function needsRationale(d: Draft): DecisionError | undefined {
  if (d.choice.length !== 1) return { code: 'one-option', message: 'choose exactly one option' };
  if (!d.rationale) return { code: 'rationale-needed', message: 'write your rationale' };
  return undefined;
}

describe('<DecisionForm>', () => {
  it('asks the learner to confirm a choice before it is committed', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    const { container } = renderUi(
      <DecisionForm kind="choice" prompt="What do you tell control?" items={options} verdicts={[]} rationale="required" validate={needsRationale} onCommit={onCommit} />,
    );
    await user.click(screen.getByLabelText(/Keep the category/));
    await user.type(screen.getByRole('textbox', { name: 'Your rationale' }), 'Nothing checked yet');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'Check your decision' })).toHaveFocus();
    expect(screen.getByText('Nothing checked yet')).toBeInTheDocument();
    await expectAccessible(container);
    await user.click(screen.getByRole('button', { name: 'Confirm decision' }));
    expect(onCommit).toHaveBeenCalledWith({ choice: ['open'], rationale: 'Nothing checked yet' });
  });

  it('shows the engine’s objection in plain words and focuses it', async () => {
    const user = userEvent.setup();
    const { container } = renderUi(
      <DecisionForm kind="choice" prompt="What do you tell control?" items={options} verdicts={[]} rationale="required" validate={needsRationale} onCommit={vi.fn()} />,
    );
    await user.click(screen.getByLabelText('Non-suspicious'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert')).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Write your rationale before you continue.');
    expect(screen.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(container);
  });

  it('shows a time budget as the learner ticks actions, and lets them change their answer', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    const { container } = renderUi(
      <DecisionForm
        kind="actions"
        prompt="What do you do?"
        items={[
          { id: 'cctv', text: 'Ask for the footage', minutes: 10 },
          { id: 'doors', text: 'Knock on doors', minutes: 20 },
        ]}
        verdicts={[]}
        budget={{ minutes: 30 }}
        validate={() => undefined}
        onCommit={onCommit}
      />,
    );
    expect(screen.getByText('Time available: 30 minutes. Chosen: 0 minutes. Left: 30 minutes.')).toBeInTheDocument();
    await user.click(screen.getByLabelText(/Knock on doors/));
    expect(screen.getByText('Time available: 30 minutes. Chosen: 20 minutes. Left: 10 minutes.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Change my answer' }));
    await user.click(screen.getByLabelText(/Ask for the footage/));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Confirm decision' }));
    expect(onCommit).toHaveBeenCalledWith({ choice: ['doors', 'cctv'] });
    await expectAccessible(container);
  });

  it('shows the document to review and asks for a verdict', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    const { container } = renderUi(
      <DecisionForm
        kind="review"
        prompt="What is wrong with this log?"
        document={{ title: 'Scene log', author: 'PC 5120 Osei', text: '> 23:40 arrived.' }}
        items={[{ id: 'property', text: 'Property not listed' }]}
        verdicts={[
          { id: 'return', text: 'Return it' },
          { id: 'endorse', text: 'Endorse it' },
        ]}
        validate={(d) => (d.verdict ? undefined : { code: 'verdict-needed', message: 'choose a verdict' })}
        onCommit={onCommit}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Scene log' })).toBeInTheDocument();
    expect(screen.getByText('Written by PC 5120 Osei')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose what you do with the document.');
    await user.click(screen.getByLabelText('Property not listed'));
    await user.click(screen.getByLabelText('Return it'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Confirm decision' }));
    expect(onCommit).toHaveBeenCalledWith({ choice: ['property'], verdict: 'return' });
    await expectAccessible(container);
  });
});
