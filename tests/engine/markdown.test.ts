import { describe, expect, it } from 'vitest';
import { markdownProblems, parseMarkdown, plainText } from '../../src/engine/markdown';

describe('parseMarkdown()', () => {
  it('parses paragraphs, emphasis, lists and quotations', () => {
    expect(parseMarkdown('It is **05:10** and *raining*.\n\n- one\n- two\n\n> quoted\n> text')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'It is ' },
          { type: 'strong', children: [{ type: 'text', text: '05:10' }] },
          { type: 'text', text: ' and ' },
          { type: 'em', children: [{ type: 'text', text: 'raining' }] },
          { type: 'text', text: '.' },
        ],
      },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'quote', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'quoted text' }] }] },
    ]);
  });

  it('keeps unpaired markers and snake_case words as text', () => {
    expect(parseMarkdown('a * b and file_name_here')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'a * b and file_name_here' }] },
    ]);
  });

  it('joins the lines of a paragraph and numbers ordered lists', () => {
    expect(parseMarkdown('one\ntwo\n\n1. first\n2. second')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'one two' }] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'first' }], [{ type: 'text', text: 'second' }]] },
    ]);
  });
});

describe('markdownProblems()', () => {
  it('rejects raw HTML, links, images, headings and code', () => {
    expect(markdownProblems('<script>alert(1)</script>')).toEqual(['contains raw HTML; use the Markdown subset only']);
    expect(markdownProblems('see [here](http://x)')).toEqual(['contains a link; links are not allowed']);
    expect(markdownProblems('![a](b.png)')).toEqual(['contains an image; images are not allowed']);
    expect(markdownProblems('# Title')).toEqual(['contains a heading; headings are not allowed']);
    expect(markdownProblems('```\ncode\n```')).toEqual(['contains a code block; code is not allowed']);
  });

  it('accepts the subset, including a less-than sign in prose', () => {
    expect(markdownProblems('**Under 5** people, a < b, *ok*\n\n- list')).toEqual([]);
  });
});

describe('plainText()', () => {
  it('strips the markup', () => {
    expect(plainText('**Bold** and *it*\n\n- a\n- b')).toBe('Bold and it a; b');
  });
});
