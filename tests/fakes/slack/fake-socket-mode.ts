/**
 * The Socket Mode side of the fake Slack: the WebSocket `apps.connections.open`
 * points to. It greets with `hello`, sends envelopes and hands back the
 * client's ack payload for each envelope id.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Args } from './fake-slack-parts.ts';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export class FakeSocketMode {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sockets = new Set<WebSocket>();
  readonly #acks = new Map<string, (payload: Args) => void>();
  readonly #connected: Promise<void>;
  #onConnected: () => void = () => {};

  constructor() {
    this.#connected = new Promise((resolve) => (this.#onConnected = resolve));
  }

  /** Takes over an HTTP upgrade request for the socket path. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
  }

  /** Resolves once a client completed the hello handshake. */
  connected(): Promise<void> {
    return this.#connected;
  }

  /** Sends an envelope and resolves with the client's ack payload. */
  send(type: EnvelopeType, payload: Args, timeoutMs: number): Promise<Args> {
    const [socket] = this.#sockets;
    if (!socket) return Promise.reject(new Error('no Socket Mode client connected'));
    const envelopeId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#acks.delete(envelopeId);
        reject(new Error(`no ack for ${type} envelope within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#acks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: 0,
          retry_reason: '',
        }),
      );
    });
  }

  close(): void {
    for (const socket of this.#sockets) socket.terminate();
    this.#wss.close();
  }

  #accept(ws: WebSocket): void {
    this.#sockets.add(ws);
    ws.on('close', () => this.#sockets.delete(ws));
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Args };
      if (!message.envelope_id) return;
      this.#acks.get(message.envelope_id)?.(message.payload ?? {});
      this.#acks.delete(message.envelope_id);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'AJAMUN' } }));
    this.#onConnected();
  }
}
