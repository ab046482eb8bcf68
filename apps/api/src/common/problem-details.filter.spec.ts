import { ArgumentsHost, ForbiddenException, NotFoundException } from '@nestjs/common';
import { ProblemDetailsFilter, ProblemException } from './problem-details.filter';

function run(exception: unknown) {
  const sent: { status?: number; type?: string; body?: string } = {};
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    send(body: string) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/api/v1/projects/42?x=1', url: '/api/v1/projects/42' }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return { ...sent, problem: JSON.parse(sent.body ?? '{}') };
}

describe('ProblemDetailsFilter', () => {
  it('keeps the French message a service gave to a Nest exception', () => {
    const { status, type, problem } = run(new ForbiddenException('Seul·e la ou le responsable du lab peut archiver un projet.'));
    expect(status).toBe(403);
    expect(type).toBe('application/problem+json');
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Action non autorisée',
      status: 403,
      instance: '/api/v1/projects/42',
      detail: 'Seul·e la ou le responsable du lab peut archiver un projet.',
    });
  });

  it("replaces Nest's English defaults with French", () => {
    expect(run(new NotFoundException('Cannot GET /api/v1/nothing')).problem.detail).toBe("Cette ressource n'existe pas ou n'est pas accessible.");
    expect(run(new NotFoundException()).problem.detail).toBe("Cette ressource n'existe pas ou n'est pas accessible.");
  });

  it('carries the current record of a stale edit', () => {
    const { status, problem } = run(new ProblemException(409, 'Modifié entre-temps.', { current: { version: 3 }, code: 'stale_version' }));
    expect(status).toBe(409);
    expect(problem).toMatchObject({ type: 'urn:sillon:problem:stale_version', detail: 'Modifié entre-temps.', current: { version: 3 } });
  });

  it('never lets an unexpected error through', () => {
    const { status, problem } = run(new Error('relation "secret_table" does not exist'));
    expect(status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret_table');
    expect(problem.detail).toBe('Une erreur inattendue est survenue. Elle a été enregistrée.');
  });
});
