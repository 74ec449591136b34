/**
 * Files people attach in a modal's `file_input`, as Slack keeps them: private
 * to the person (shared in no channel), described by `files.info` (scope
 * `files:read`), their bytes at `url_private_download` only with the bot
 * token; without it Slack redirects to its sign-in page, which is HTML, so
 * an app that does not check what it downloaded would read a web page.
 * https://docs.slack.dev/reference/block-kit/block-elements/file-input-element
 * ("There is a 10MB file size limit"), https://docs.slack.dev/reference/methods/files.info
 */
import type { ServerResponse } from 'node:http';
import { SLACK_FILE } from '../../../src/adapters/slack/slack-limits.ts';
import type { Args } from './fake-slack-parts.ts';

const TEAM = 'TJAMUN';

/** A file a person attached through a `file_input`. */
interface AttachedFile {
  id: string;
  name: string;
  bytes: Buffer;
  user: string;
  mimetype: string;
  created: number;
}

export class FakeAttachments {
  readonly #files = new Map<string, AttachedFile>();
  /** Every download of an attached file (what a test checks the bot fetched, and how). */
  readonly downloads: Array<{ fileId: string; authorized: boolean }> = [];

  /**
   * Stores a file `userId` picked and returns its object as the submission's
   * state carries it (`{ type: 'file_input', files: [this] }`). Slack's client
   * refuses a file over 10 MB before the modal is submitted, so this throws.
   */
  attach(baseUrl: string, userId: string, name: string, bytes: Buffer, mimetype: string | undefined, n: number): Args {
    if (bytes.length > SLACK_FILE.fileInputBytes)
      throw new Error(`file_input takes files up to ${SLACK_FILE.fileInputBytes} bytes, not ${bytes.length}`);
    const id = `F${String(n).padStart(9, '0')}`;
    const file = {
      id,
      name,
      bytes,
      user: userId,
      mimetype: mimetype ?? 'application/octet-stream',
      created: Math.floor(Date.now() / 1000),
    };
    this.#files.set(id, file);
    return objectOf(file, baseUrl);
  }

  /** `files.info`. */
  info(id: string, baseUrl: string): Args {
    const file = this.#files.get(id);
    return file ? { ok: true, file: objectOf(file, baseUrl) } : { ok: false, error: 'file_not_found' };
  }

  /** A GET of `url_private(_download)` or of the sign-in page it redirects to. */
  serve(url: string, auth: string, scopes: ReadonlySet<string>, baseUrl: string, res: ServerResponse): void {
    if (url === '/signin') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
      return;
    }
    const id = /^\/files-pri\/[A-Z0-9]+-(F\d+)\//.exec(url)?.[1] ?? '';
    const authorized = auth.startsWith('Bearer xoxb-') && scopes.has('files:read');
    this.downloads.push({ fileId: id, authorized });
    if (!authorized) {
      res.writeHead(302, { location: `${baseUrl}signin` });
      res.end();
      return;
    }
    const file = this.#files.get(id);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.mimetype, 'content-length': String(file.bytes.length) });
    res.end(file.bytes);
  }
}

function objectOf(file: AttachedFile, baseUrl: string): Args {
  const url = `${baseUrl}files-pri/${TEAM}-${file.id}/`;
  const name = encodeURIComponent(file.name);
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.name,
    mimetype: file.mimetype,
    filetype: file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : 'binary',
    user: file.user,
    size: file.bytes.length,
    is_public: false,
    url_private: `${url}${name}`,
    url_private_download: `${url}download/${name}`,
  };
}
