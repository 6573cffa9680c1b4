// Source rules for www/: text is never parsed as HTML, and nothing points off the machine.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './harness.mjs';

const www = join(repoRoot, 'www');
const files = readdirSync(www, { recursive: true })
  .filter((f) => /\.(html|js|css)$/.test(f))
  .map((f) => ({ name: f, text: readFileSync(join(www, f), 'utf8') }));

test('www/ never parses strings as HTML', () => {
  for (const { name, text } of files) {
    assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/, name);
  }
});

test('www/ has no external URLs', () => {
  for (const { name, text } of files) {
    assert.doesNotMatch(text, /\b(https?:|wss?:|ftp:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i, name);
    // a stylesheet may import its own parts (css/…), never anything off the machine
    assert.doesNotMatch(text, /@import\s+(url\()?\s*['"]?(https?:)?\/\/|url\(\s*['"]?(https?:)?\/\//i, name);
  }
});
