import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where `npm run build:web` writes the staff app; `cdk synth`/`deploy` uploads it. */
export const webDistDirectory = 'web/dist';

export class WebDistError extends Error {
  override readonly name = 'WebDistError';
}

/**
 * The built staff app the stacks deploy: a directory with an index.html. Fails, saying how
 * to build it, when it is missing, so a deploy never ships an empty site.
 */
export function requireWebDist(directory: string): string {
  const indexHtml = path.join(directory, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new WebDistError(
      `The staff app is not built: ${indexHtml} does not exist. Run \`npm run build:web\` first, then synth or deploy again.`,
    );
  }
  return directory;
}
