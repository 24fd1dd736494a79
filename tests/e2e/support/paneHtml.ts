/** The src of every <script> in an HTML page, quoted or not (the production build minifies quotes away). */
export function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
    (m) => m[1] ?? m[2] ?? m[3]
  );
}
