/**
 * Pieces of the fake Slack: request parsing, Block Kit limit checks and the
 * visible text of a message, kept apart from the server's routing.
 */
import type { IncomingMessage } from 'node:http';

/** Arguments of a Web API call, decoded as Slack does (form fields with JSON-encoded values, or JSON). */
export type Args = Record<string, unknown>;

const JSON_FIELDS = new Set(['blocks', 'view', 'files', 'attachments', 'metadata', 'users']);

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Decodes a Web API request body. */
export function parseArgs(contentType: string, body: Buffer): Args {
  if (contentType.includes('application/json')) return JSON.parse(body.toString('utf8') || '{}') as Args;
  const args: Args = {};
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
    if (JSON_FIELDS.has(key) && (value.startsWith('[') || value.startsWith('{'))) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // Not JSON after all: keep the raw string, as Slack would.
      }
    }
    args[key] = value;
  }
  return args;
}

/** Text of a Block Kit text object or element, if it has one. */
function textOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const text = (value as { text?: unknown }).text;
  if (typeof text === 'string') return text;
  return textOf(text);
}

/** Every text a reader sees in `blocks`, in order. */
function blockTexts(blocks: unknown[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (typeof block !== 'object' || block === null) continue;
    const b = block as { type?: string; text?: unknown; fields?: unknown[]; elements?: unknown[] };
    if (b.type === 'section' || b.type === 'header') {
      const text = textOf(b.text);
      if (text !== undefined) out.push(text);
      for (const field of b.fields ?? []) {
        const t = textOf(field);
        if (t !== undefined) out.push(t);
      }
    }
    if (b.type === 'context') {
      for (const element of b.elements ?? []) {
        const t = textOf(element);
        if (t !== undefined) out.push(t);
      }
    }
  }
  return out;
}

/** What a message shows: its blocks' texts, or its `text` when it has no blocks. */
export function visibleText(text: string, blocks: unknown[]): string {
  const parts = blockTexts(blocks);
  return parts.length > 0 ? parts.join('\n') : text;
}

/** Slack's documented limits for message blocks; returns an error code or null. */
export function checkMessageBlocks(blocks: unknown[]): string | null {
  if (blocks.length > 50) return 'invalid_blocks';
  for (const block of blocks) {
    const b = block as { type?: string; text?: { text?: string }; elements?: unknown[] };
    if (b.type === 'section' && (b.text?.text?.length ?? 0) > 3000) return 'invalid_blocks';
    if (b.type === 'section' && (b.text?.text?.length ?? 1) === 0) return 'invalid_blocks';
    if (b.type === 'context' && (b.elements?.length ?? 0) > 10) return 'invalid_blocks';
  }
  return null;
}

/** Slack's documented limits for a modal view; returns an error code or null. */
export function checkView(view: unknown): string | null {
  const v = view as {
    type?: string;
    title?: { text?: string };
    blocks?: unknown[];
    private_metadata?: string;
    submit?: { text?: string };
  };
  if (v.type !== 'modal') return 'invalid_arguments';
  if ((v.title?.text?.length ?? 0) > 24 || (v.title?.text?.length ?? 0) === 0) return 'invalid_arguments';
  if ((v.submit?.text?.length ?? 0) > 24) return 'invalid_arguments';
  if ((v.private_metadata?.length ?? 0) > 3000) return 'invalid_arguments';
  const blocks = v.blocks ?? [];
  if (blocks.length > 100) return 'invalid_arguments';
  const ids = new Set<string>();
  for (const block of blocks) {
    const b = block as {
      type?: string;
      block_id?: string;
      label?: { text?: string };
      text?: { text?: string };
      element?: { type?: string; max_length?: number; initial_value?: string; options?: unknown[] };
    };
    if (b.block_id !== undefined) {
      if (ids.has(b.block_id)) return 'invalid_arguments';
      ids.add(b.block_id);
    }
    if (b.type === 'section' && (b.text?.text?.length ?? 0) > 3000) return 'invalid_arguments';
    if (b.type === 'input') {
      if ((b.label?.text?.length ?? 0) > 2000) return 'invalid_arguments';
      const el = b.element;
      if (el?.type === 'plain_text_input') {
        if ((el.max_length ?? 3000) > 3000) return 'invalid_arguments';
        if ((el.initial_value?.length ?? 0) > (el.max_length ?? 3000)) return 'invalid_arguments';
      }
      if (el?.options !== undefined && el.options.length > 100) return 'invalid_arguments';
    }
  }
  return null;
}
