import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { staffAppSecurityHeaders } from '../../infra/web-security-headers';

export interface StaticSiteOptions {
  /** The built app (web/dist). */
  readonly root: string;
  /** Origins the app may call besides its own (the Cognito endpoint), read per response. */
  readonly connectSources: () => readonly string[];
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the staff app from the API's port, as CloudFront does in AWS: files from the build,
 * and index.html for any other GET path (the app routes in the browser). Answers false for
 * requests that are not its business (the API keeps /v1 and /health).
 */
export function createStaticSite(options: StaticSiteOptions) {
  const root = normalize(options.root);
  return async function serve(request: IncomingMessage, response: ServerResponse, rawPath: string): Promise<boolean> {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (rawPath === '/health' || rawPath === '/v1' || rawPath.startsWith('/v1/')) return false;

    let decoded: string;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      return false;
    }
    const candidate = normalize(join(root, decoded));
    const inside = candidate === root || candidate.startsWith(root + sep);
    const file = inside ? await fileAt(candidate) : undefined;
    // Only paths without an extension are app routes; a missing asset is a plain 404.
    const target = file ?? (extname(decoded) === '' ? await fileAt(join(root, 'index.html')) : undefined);
    if (!target) return false;

    const isIndex = target.path.endsWith(`${sep}index.html`);
    response.writeHead(200, {
      // The same headers the CloudFront response-headers policy sets.
      ...staffAppSecurityHeaders(options.connectSources()),
      'content-type': CONTENT_TYPES[extname(target.path)] ?? 'application/octet-stream',
      'content-length': target.size,
      // Built assets have content hashes in their names; index.html must always be fresh.
      'cache-control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    if (method === 'HEAD') {
      response.end();
      return true;
    }
    await new Promise<void>((resolve, reject) => {
      createReadStream(target.path).on('error', reject).on('end', resolve).pipe(response);
    });
    return true;
  };
}

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}
