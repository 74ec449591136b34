/**
 * Pieces of the fake Slack: request parsing and the visible text of a
 * message, kept apart from the server's routing (limits: validate-blocks.ts).
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
