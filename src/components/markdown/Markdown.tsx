import type { ReactNode } from 'react';
import { parseInline, parseMarkdown, type Inline, type MdBlock } from '../../engine/markdown';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) =>
    n.type === 'text' ? n.text : n.type === 'strong' ? <strong key={i}>{inline(n.children)}</strong> : <em key={i}>{inline(n.children)}</em>,
  );
}

function block(b: MdBlock, i: number): ReactNode {
  if (b.type === 'paragraph') return <p key={i}>{inline(b.children)}</p>;
  if (b.type === 'quote') return <blockquote key={i}>{b.children.map(block)}</blockquote>;
  const items = b.items.map((it, j) => <li key={j}>{inline(it)}</li>);
  return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
}

/** Scenario text in the engine's safe Markdown subset, rendered as React elements (never as HTML). */
export function Markdown({ text, className }: { text: string; className?: string }) {
  return <div className={className ? `md ${className}` : 'md'}>{parseMarkdown(text).map(block)}</div>;
}

/** One line of inline Markdown (bold, italic) without a paragraph. */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{inline(parseInline(text))}</>;
}
