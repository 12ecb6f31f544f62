// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { Markdown } from '../../src/components/markdown/Markdown';
import { expectAccessible, renderUi } from '../helpers/ui-setup';

describe('<Markdown>', () => {
  it('renders the safe subset as elements: bold, italic, lists and quotations', async () => {
    const { container } = renderUi(<Markdown text={'It is **23:40** and *raining*.\n\n- one\n- two\n\n> Quoted log'} />);
    expect(container.querySelector('strong')).toHaveTextContent('23:40');
    expect(container.querySelector('em')).toHaveTextContent('raining');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(container.querySelector('blockquote')).toHaveTextContent('Quoted log');
    await expectAccessible(container);
  });

  it('shows markup as text and never as HTML', async () => {
    const { container } = renderUi(<Markdown text={'<img src=x onerror="alert(1)"> <b>bold</b>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container).toHaveTextContent('<img src=x onerror="alert(1)"> <b>bold</b>');
    await expectAccessible(container);
  });
});
