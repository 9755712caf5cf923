// Writes dist/_headers with a Content-Security-Policy whose connect-src is the API origin from VITE_API_URL, so the
// policy always matches the build. netlify.toml carries the other hardening headers. Netlify serves _headers from
// the publish folder.
import { writeFileSync } from 'node:fs';

const raw = process.env.VITE_API_URL ?? '';
let api = '';
if (raw) {
  try {
    api = new URL(raw).origin;
  } catch {
    console.error(`VITE_API_URL is not a URL: ${raw}`);
    process.exit(1);
  }
}
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src 'self'${api ? ` ${api}` : ''}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
writeFileSync('dist/_headers', `/*\n  Content-Security-Policy: ${csp}\n`);
console.log(`dist/_headers: connect-src 'self'${api ? ` ${api}` : ''}`);
