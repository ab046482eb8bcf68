// A random UUID v4. crypto.randomUUID exists only in secure contexts; getRandomValues everywhere.
export function newIdempotencyKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// One key per submission: the same content sent again (a retried click) reuses it, changed content gets a new one.
export class SubmissionKeys {
  private last: { content: string; key: string } | null = null;

  constructor(private readonly generate: () => string = newIdempotencyKey) {}

  keyFor(content: unknown): string {
    const text = JSON.stringify(content);
    if (this.last?.content !== text) this.last = { content: text, key: this.generate() };
    return this.last.key;
  }

  // After a success the next submission, even identical, is a new milestone.
  done(): void {
    this.last = null;
  }
}
