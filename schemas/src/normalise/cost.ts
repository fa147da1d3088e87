// Placeholder: replaced by the full normaliser (issue 3).
import type { CostBasis, FreeClass } from '../course.ts';

export interface NormalisedCost {
  amount: number | null;
  currency: string | null;
  freeClass: FreeClass;
  basis: CostBasis;
}

const SYMBOLS: Record<string, string> = { '£': 'GBP', '€': 'EUR', $: 'USD', A$: 'AUD' };

export function normaliseCost(text: string | null | undefined, _options: { country?: string } = {}): NormalisedCost | null {
  if (!text) return null;
  if (/^\s*free\s*$/i.test(text)) return { amount: 0, currency: null, freeClass: 'free', basis: 'total' };
  const code = /\b(GBP|EUR|USD|AUD|CAD|NZD)\b/.exec(text)?.[1];
  const symbol = /(A\$|£|€|\$)/.exec(text)?.[1];
  const amount = /(\d[\d,]*(?:\.\d+)?)/.exec(text)?.[1];
  if (!amount) return null;
  return {
    amount: Number(amount.replace(/,/g, '')),
    currency: code ?? (symbol ? SYMBOLS[symbol]! : null),
    freeClass: 'paid',
    basis: 'total',
  };
}
