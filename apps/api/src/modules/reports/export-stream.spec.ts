import { PassThrough } from 'node:stream';
import { drained } from './export-stream';

describe('drained', () => {
  it('waits while the stream is over its mark and rejects once it is closed', async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    await expect(drained(stream)).resolves.toBeUndefined();
    stream.write('more than four bytes');
    const waiting = drained(stream);
    stream.destroy();
    await expect(waiting).rejects.toThrow('export stream closed');
  });
});
