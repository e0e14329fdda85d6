// The byte-level edges of a request: reading the body under a size limit and writing replies.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { ApiError } from './errors.ts'

/** Twilio's documented bodies are small; 1 MiB is far above any legal request and bounds memory per request. */
export const BODY_LIMIT_BYTES = 1024 * 1024
/** Past this we stop draining an oversized upload and drop the connection instead. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024

export interface ReadBody {
  data: Buffer
  /** True when the body exceeded BODY_LIMIT_BYTES; `data` is then empty. */
  tooLarge: boolean
}

/**
 * Reads the whole body. An oversized body is drained rather than cut off, because answering
 * while the client is still sending makes many clients report a reset instead of our 413.
 * Rejects when the client goes away mid-body (there is then nobody to answer).
 */
export function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    req.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > DRAIN_LIMIT_BYTES) {
        req.socket.destroy()
        reject(new Error('request body far over the limit; connection dropped'))
      } else if (received <= BODY_LIMIT_BYTES) chunks.push(chunk)
    })
    req.on('end', () => {
      const tooLarge = received > BODY_LIMIT_BYTES
      resolve({ data: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge })
    })
    req.on('error', reject)
    req.on('close', () => {
      if (!req.complete) reject(new Error('client aborted the request'))
    })
  })
}

const JSON_TYPE = 'application/json; charset=utf-8'

/**
 * Writes a reply; `body === undefined` sends no body and no Content-Type (the 204 of a delete). Real responses carry
 * a request id (RQ + 32 hex), handy for correlating evidence with logs: `requestId` is the server's own.
 */
export function writeReply(res: ServerResponse, status: number, body: unknown, extraHeaders: Readonly<Record<string, string>>, requestId: string): void {
  if (res.headersSent || res.destroyed) return
  const headers: Record<string, string | number> = { 'Twilio-Request-Id': requestId, ...extraHeaders }
  if (body === undefined) {
    res.writeHead(status, headers)
    res.end()
    return
  }
  const text = JSON.stringify(body)
  headers['Content-Type'] ??= JSON_TYPE // a caller may name another type (the json-as-html fault does)
  headers['Content-Length'] = Buffer.byteLength(text)
  res.writeHead(status, headers)
  res.end(text)
}

/**
 * Answers a request Node's HTTP parser rejected before it became a request (bad framing, a header
 * section over the limit). Node's default is a bare status line; we still send a Twilio error body.
 */
export function writeRawError(socket: Socket, error: ApiError): void {
  if (!socket.writable) {
    socket.destroy()
    return
  }
  const text = JSON.stringify(error.toBody())
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[error.status] ?? 'Error'
  socket.end(
    `HTTP/1.1 ${error.status} ${reason}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  )
}
