// Placeholder: replaced by the full normaliser (issue 3).
import type { DeliveryMode } from '../course.ts';

export function normaliseMode(text: string | null | undefined): DeliveryMode | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  if (/blended|hybrid/.test(lower)) return 'blended';
  if (/online|remote/.test(lower)) return 'online';
  if (/in[- ]person|on[- ]?campus|onsite|classroom/.test(lower)) return 'in_person';
  return null;
}

export function normalisePacing(text: string | null | undefined): 'self_paced' | 'scheduled' | null {
  if (!text) return null;
  if (/self[- ]paced|own pace/i.test(text)) return 'self_paced';
  if (/scheduled|instructor[- ]led|cohort/i.test(text)) return 'scheduled';
  return null;
}
