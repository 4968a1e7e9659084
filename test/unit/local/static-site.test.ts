import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSite } from '../../../local/gateway/static-site';

describe('the staff app served from the API port', () => {
  let root: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lantern-static-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Lantern</title>');
    await writeFile(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
    await writeFile(join(tmpdir(), 'lantern-outside.txt'), 'secret');
    const serve = createStaticSite({ root, connectSources: () => ['http://127.0.0.1:9229'] });
    server = createServer((request, response) => {
      void serve(request, response, (request.url ?? '/').split('?')[0]!).then((served) => {
        if (!served) response.writeHead(404).end('api');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
    await rm(join(tmpdir(), 'lantern-outside.txt'), { force: true });
  });

  it('answers app routes with index.html and the CloudFront security headers', async () => {
    // Act
    const response = await fetch(`${base}/incidents/01JABC`);

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Lantern</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:9229");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves built assets as immutable files', async () => {
    // Act
    const response = await fetch(`${base}/assets/app-abc123.js`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves /v1, /health, missing assets and paths outside the build to the API (404 here)', async () => {
    // Act
    const statuses = await Promise.all(
      ['/v1/me', '/health', '/assets/missing.js', '/..%2flantern-outside.txt'].map(async (path) => (await fetch(`${base}${path}`)).status),
    );

    // Assess
    expect(statuses).toEqual([404, 404, 404, 404]);
  });
});
