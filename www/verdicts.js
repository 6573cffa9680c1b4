// The four verdicts as a person sees them: a symbol and words, never colour alone.

export const VERDICTS = ['mismatch', 'rounding', 'not_computable', 'ok'];

export const SYMBOL = { ok: '✓', rounding: '≈', mismatch: '✗', not_computable: '—' };

export const WORDS = { ok: '一致', rounding: '尾差', mismatch: '不一致', not_computable: '无法计算' };

/** "✗ 不一致"; an unknown verdict is shown as it came. */
export function verdictText(verdict) {
  return verdict in WORDS ? `${SYMBOL[verdict]} ${WORDS[verdict]}` : String(verdict ?? '—');
}

/** Most severe first: mismatch > rounding > not_computable > ok (unknown verdicts last). */
export function severity(verdict) {
  const i = VERDICTS.indexOf(verdict);
  return i === -1 ? VERDICTS.length : i;
}

/** The more severe of two verdicts. */
export function worse(a, b) {
  return severity(a) <= severity(b) ? a : b;
}
