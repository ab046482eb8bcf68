import { Writable } from 'node:stream';

// Resolves once the stream wants more data; rejects if it is closed first (the client went away),
// so that an abandoned download stops reading the database.
export function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.reject(new Error('export stream closed'));
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('export stream closed'));
    stream.on('drain', onDrain);
    stream.on('close', onClose);
  });
}

// Writes one chunk and waits for room when the stream's buffer is full.
export async function writeChunk(stream: Writable, chunk: unknown): Promise<void> {
  if (stream.destroyed) throw new Error('export stream closed');
  if (!stream.write(chunk)) await drained(stream);
}

// Lets other requests' callbacks run between two pages of a long export.
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
