/**
 * Reads a file a person attached in a modal's `file_input`: `files.info`
 * (scope `files:read`) gives its `url_private_download`, which answers the
 * bytes only to the bot token; without it Slack redirects to its sign-in
 * page, so a redirect or an HTML page is a failure, never the file.
 */
import type { webApi } from '@slack/bolt';

export type Downloaded =
  | { readonly ok: true; readonly name: string; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: string };

/** The bytes of attached file `fileId`, or why they could not be had. */
export async function downloadAttachment(client: webApi.WebClient, fileId: string): Promise<Downloaded> {
  try {
    const info = await client.files.info({ file: fileId });
    const url = info.file?.url_private_download;
    if (!url) return { ok: false, reason: 'no download address' };
    const res = await fetch(url, { headers: { authorization: `Bearer ${client.token ?? ''}` }, redirect: 'manual' });
    if (res.status !== 200) return { ok: false, reason: `HTTP ${res.status}` };
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) return { ok: false, reason: 'a web page' };
    return { ok: true, name: info.file?.name ?? fileId, bytes: new Uint8Array(await res.arrayBuffer()) };
  } catch (error) {
    const code = (error as { data?: { error?: unknown } }).data?.error;
    return { ok: false, reason: typeof code === 'string' ? code : String(error).slice(0, 100) };
  }
}
