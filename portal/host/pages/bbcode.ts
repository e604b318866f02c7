/**
 * Task descriptions are BBCode; the task card shows them the way Bitrix24 does, so a person can
 * see what a description really looks like: [B], [I], [U], [S], [URL=…]…[/URL], [URL]…[/URL],
 * [LIST] / [LIST=1] with [*] items, and [QUOTE]. Everything else is text: it is escaped, a tag
 * without its closing tag (or closed out of order) stays literal text so no formatting runs past
 * it or past the description, and only absolute http(s) addresses become links.
 */
import { escapeHtml, SafeHtml } from '../html';

type TagName = 'b' | 'i' | 'u' | 's' | 'url' | 'list' | 'quote';

interface TagNode {
  kind: 'tag';
  name: TagName;
  /** What follows `=` in the opening tag (URL target, LIST type), unquoted. */
  argument: string | null;
  /** The opening tag as written, shown as text when the tag is never closed. */
  raw: string;
  children: BbNode[];
}

type BbNode = { kind: 'text'; text: string } | { kind: 'item' } | TagNode;

const TOKEN = /\[(\/?)(b|i|u|s|url|list|quote|\*)(?:=([^\]\n]*))?\]/gi;
const TAKES_ARGUMENT = new Set<string>(['url', 'list', 'quote']);
const SIMPLE: Record<'b' | 'i' | 'u' | 's', string> = { b: 'b', i: 'i', u: 'u', s: 's' };

function unquote(value: string): string {
  return value
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2')
    .trim();
}

/** Unclosed tags become their literal opening text followed by their contents. */
function flattenInto(target: BbNode[], node: TagNode): void {
  target.push({ kind: 'text', text: node.raw });
  for (const child of node.children) target.push(child.kind === 'item' ? { kind: 'text', text: '[*]' } : child);
}

function parse(text: string): BbNode[] {
  const root: TagNode = { kind: 'tag', name: 'quote', argument: null, raw: '', children: [] };
  const stack: TagNode[] = [root];
  const top = (): TagNode => stack[stack.length - 1]!;
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const [whole, slash, rawName, argument] = match;
    const name = rawName!.toLowerCase();
    if (match.index > last) top().children.push({ kind: 'text', text: text.slice(last, match.index) });
    last = match.index + whole.length;
    if (name === '*') {
      if (!slash && argument === undefined && top().name === 'list' && stack.length > 1)
        top().children.push({ kind: 'item' });
      else top().children.push({ kind: 'text', text: whole });
      continue;
    }
    if (!slash) {
      if (argument !== undefined && !TAKES_ARGUMENT.has(name)) top().children.push({ kind: 'text', text: whole });
      else
        stack.push({
          kind: 'tag',
          name: name as TagName,
          argument: argument === undefined ? null : unquote(argument),
          raw: whole,
          children: [],
        });
      continue;
    }
    const openAt = stack.findLastIndex((node, index) => index > 0 && node.name === name);
    if (argument !== undefined || openAt < 0) {
      top().children.push({ kind: 'text', text: whole });
      continue;
    }
    // Tags opened inside and not closed before this one stay text.
    while (stack.length - 1 > openAt) {
      const unclosed = stack.pop()!;
      flattenInto(top().children, unclosed);
    }
    const closed = stack.pop()!;
    top().children.push(closed);
  }
  if (last < text.length) top().children.push({ kind: 'text', text: text.slice(last) });
  while (stack.length > 1) {
    const unclosed = stack.pop()!;
    flattenInto(top().children, unclosed);
  }
  return root.children;
}

/** An absolute http(s) address, or null: no javascript:, data:, relative or protocol-less targets. */
function safeHref(target: string): string | null {
  try {
    const url = new URL(target.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function textOf(nodes: BbNode[]): string {
  return nodes
    .map((node) => (node.kind === 'text' ? node.text : node.kind === 'item' ? '[*]' : node.raw + textOf(node.children)))
    .join('');
}

/** The whitespace at the edges of a block (a quote, a list item) carries no meaning. */
function trimEdges(nodes: BbNode[]): BbNode[] {
  return nodes
    .map((node, index): BbNode => {
      if (node.kind !== 'text') return node;
      let text = node.text;
      if (index === 0) text = text.replace(/^\s+/, '');
      if (index === nodes.length - 1) text = text.replace(/\s+$/, '');
      return { kind: 'text', text };
    })
    .filter((node) => node.kind !== 'text' || node.text !== '');
}

function isBlock(node: BbNode | undefined): boolean {
  return node?.kind === 'tag' && (node.name === 'list' || node.name === 'quote');
}

/** A line break right after a block closes is the block's own end (the description keeps pre-wrap). */
function renderNodes(nodes: BbNode[], insideLink: boolean): string {
  return nodes
    .map((node, index) => {
      if (node.kind === 'text' && isBlock(nodes[index - 1]))
        return renderNode({ kind: 'text', text: node.text.replace(/^[ \t]*\r?\n/, '') }, insideLink);
      return renderNode(node, insideLink);
    })
    .join('');
}

function renderList(node: TagNode, insideLink: boolean): string {
  const tag =
    node.argument === '1' || node.argument === 'a' || node.argument === 'A' || node.argument === 'i' ? 'ol' : 'ul';
  const lead: BbNode[] = [];
  const items: BbNode[][] = [];
  for (const child of node.children) {
    if (child.kind === 'item') items.push([]);
    else (items[items.length - 1] ?? lead).push(child);
  }
  const leading = renderNodes(
    lead.filter((child) => child.kind !== 'text' || child.text.trim() !== ''),
    insideLink,
  );
  const rendered = items.map((item) => `<li>${renderNodes(trimEdges(item), insideLink)}</li>`);
  return `${leading}<${tag}>${rendered.join('')}</${tag}>`;
}

function renderNode(node: BbNode, insideLink: boolean): string {
  if (node.kind === 'text') return escapeHtml(node.text);
  if (node.kind === 'item') return escapeHtml('[*]');
  switch (node.name) {
    case 'b':
    case 'i':
    case 'u':
    case 's':
      return `<${SIMPLE[node.name]}>${renderNodes(node.children, insideLink)}</${SIMPLE[node.name]}>`;
    case 'quote':
      return `<blockquote class="bb-quote">${renderNodes(trimEdges(node.children), insideLink)}</blockquote>`;
    case 'list':
      return renderList(node, insideLink);
    case 'url': {
      const target = node.argument ?? textOf(node.children);
      const href = insideLink ? null : safeHref(target);
      const label = renderNodes(node.children, true);
      if (!href) return label;
      return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer nofollow">${label}</a>`;
    }
  }
}

/** The description as the task card shows it: safe HTML, formatting confined to closed tags. */
export function renderBbCode(text: string): SafeHtml {
  return new SafeHtml(renderNodes(parse(text), false));
}
